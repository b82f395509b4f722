-- Quartz serialises schedule changes with SELECT ... FOR UPDATE on these rows, but creates them only
-- on first use: on an empty table two instances starting together both find no row to lock and race
-- (a duplicate key on the job they both store). Present from the start, the rows make the lock work.
-- 'briefing' is org.quartz.scheduler.instanceName in application.yml.
INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ('briefing', 'TRIGGER_ACCESS')
    ON CONFLICT DO NOTHING;
INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ('briefing', 'STATE_ACCESS')
    ON CONFLICT DO NOTHING;
