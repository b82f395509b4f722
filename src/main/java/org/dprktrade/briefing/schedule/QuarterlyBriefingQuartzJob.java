package org.dprktrade.briefing.schedule;

import java.time.ZonedDateTime;

import org.dprktrade.briefing.job.BriefingRunner;
import org.dprktrade.briefing.job.RunOutcome;
import org.dprktrade.briefing.period.Quarter;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a fire of the cron trigger does: runs and delivers the quarter that ended before the scheduled
 * fire time (so a misfire handled late still picks the right quarter), unless the schedule has already
 * delivered that quarter. Failures are logged and recorded in the run history, never rethrown: Quartz
 * would only log them again.
 */
@DisallowConcurrentExecution
class QuarterlyBriefingQuartzJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(QuarterlyBriefingQuartzJob.class);

    private final BriefingRunner runner;
    private final ScheduledDeliveries deliveries;
    private final ScheduleProperties properties;

    QuarterlyBriefingQuartzJob(BriefingRunner runner, ScheduledDeliveries deliveries, ScheduleProperties properties) {
        this.runner = runner;
        this.deliveries = deliveries;
        this.properties = properties;
    }

    @Override
    public void execute(JobExecutionContext context) {
        ZonedDateTime scheduled = context.getScheduledFireTime().toInstant().atZone(properties.timeZone());
        Quarter period = quarterBefore(scheduled);
        if (deliveries.isDelivered(period)) {
            log.info("scheduled fire of {}: {} was already delivered by the schedule; skipped", scheduled, period);
            return;
        }
        log.info("scheduled fire of {}: running {}", scheduled, period);
        RunOutcome outcome = runner.run(period);
        if (outcome.succeeded()) {
            boolean first = deliveries.record(period, outcome.executionId());
            log.info("{}: {}{}", period, outcome.message(), first ? "" : " (another instance had recorded it)");
        } else {
            log.error("scheduled run of {} failed (exit {}): {}", period, outcome.exitCode(), outcome.message());
        }
    }

    /** The last quarter that ended on or before the fire time. */
    static Quarter quarterBefore(ZonedDateTime fireTime) {
        return Quarter.containing(fireTime.toLocalDate()).previous();
    }
}
