-- The product's own tables beside Spring Batch's and Quartz's. Idempotent: runs at every start,
-- on H2 and PostgreSQL alike.

-- Who is running a period now: one row per period while a run holds it (see PeriodLock).
CREATE TABLE IF NOT EXISTS BRIEFING_PERIOD_LOCK (
    PERIOD        VARCHAR(7)   NOT NULL PRIMARY KEY,
    OWNER         VARCHAR(200) NOT NULL,
    EXECUTION_ID  BIGINT,
    ACQUIRED_AT   TIMESTAMP    NOT NULL,
    HEARTBEAT_AT  TIMESTAMP    NOT NULL
);

-- Quarters the schedule has delivered: a later fire for the same quarter is skipped.
CREATE TABLE IF NOT EXISTS BRIEFING_SCHEDULED_DELIVERY (
    PERIOD        VARCHAR(7)   NOT NULL PRIMARY KEY,
    EXECUTION_ID  BIGINT       NOT NULL,
    DELIVERED_AT  TIMESTAMP    NOT NULL
);
