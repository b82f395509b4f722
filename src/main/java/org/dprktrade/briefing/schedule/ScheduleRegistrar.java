package org.dprktrade.briefing.schedule;

import java.util.Date;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts the quarterly job and its cron trigger into Quartz's store. A stored trigger is replaced only when
 * the configured cron or zone differs from it: replacing it every start would lose a pending misfire
 * (the fire missed while the service was down), which Quartz then fires once. Instances of a cluster
 * starting at the same moment may race to store them: the loser uses what the winner stored.
 */
@Component
@ConditionalOnScheduler
public class ScheduleRegistrar {

    static final JobKey JOB = JobKey.jobKey("quarterlyBriefing", "briefing");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("quarterlyBriefingCron", "briefing");

    private static final Logger log = LoggerFactory.getLogger(ScheduleRegistrar.class);

    /** Tries at registering while another instance registers the same schedule. */
    private static final int REGISTER_ATTEMPTS = 10;

    private final Scheduler scheduler;
    private final ScheduleProperties properties;
    private final QuartzSchema schema;

    ScheduleRegistrar(Scheduler scheduler, ScheduleProperties properties, QuartzSchema schema) {
        this.scheduler = scheduler;
        this.properties = properties;
        this.schema = schema;
    }

    /** Registers (or updates) the schedule, starts the scheduler and returns the next fire time. */
    public Date start() throws SchedulerException {
        schema.createIfMissing();
        for (int attempt = 1; ; attempt++) {
            try {
                register();
                break;
            } catch (SchedulerException raced) {
                // another instance on the same database stored the job or trigger between our check and
                // insert; while it finishes (job stored, trigger maybe not yet), look again
                if (attempt == REGISTER_ATTEMPTS || !scheduler.checkExists(JOB)) {
                    throw raced;
                }
                log.info("another instance is registering the schedule at the same moment; looking again");
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw raced;
                }
            }
        }
        scheduler.start();
        Trigger active = scheduler.getTrigger(TRIGGER);
        return active == null ? null : active.getNextFireTime();
    }

    private void register() throws SchedulerException {
        if (!scheduler.checkExists(JOB)) {
            JobDetail job = JobBuilder.newJob(QuarterlyBriefingQuartzJob.class).withIdentity(JOB)
                    .withDescription("Quarterly DPRK–China trade briefing").storeDurably().requestRecovery(true)
                    .build();
            scheduler.addJob(job, false);
        }
        CronTrigger desired = TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB)
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.cron())
                        .inTimeZone(TimeZone.getTimeZone(properties.timeZone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        Trigger stored = scheduler.getTrigger(TRIGGER);
        if (stored == null) {
            scheduler.scheduleJob(desired);
            log.info("scheduled: cron '{}' in {}", properties.cron(), properties.timeZone());
        } else if (!(stored instanceof CronTrigger cron) || !cron.getCronExpression().equals(properties.cron())
                || !cron.getTimeZone().getID().equals(TimeZone.getTimeZone(properties.timeZone()).getID())) {
            scheduler.rescheduleJob(TRIGGER, desired);
            log.info("rescheduled: cron '{}' in {} (was {})", properties.cron(), properties.timeZone(),
                    stored instanceof CronTrigger c ? "'" + c.getCronExpression() + "' in " + c.getTimeZone().getID()
                            : stored);
        }
    }
}
