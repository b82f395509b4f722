package org.dprktrade.briefing.schedule;

import java.time.Duration;
import java.time.ZonedDateTime;

import org.dprktrade.briefing.job.BriefingRunner;
import org.dprktrade.briefing.state.PeriodLock;
import org.dprktrade.briefing.job.RunOutcome;
import org.dprktrade.briefing.state.ScheduledDeliveries;
import org.dprktrade.briefing.period.Quarter;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a fire of the cron trigger does: runs and delivers the quarter that ended before the scheduled
 * fire time (so a misfire handled late, or a fire recovered from an instance that died, still picks the
 * right quarter), unless the schedule has already delivered that quarter. While another live run holds
 * the quarter (an operator's {@code run}, or an instance on another host that died less than the lock's
 * lease ago) the fire waits for it rather than being lost, then runs unless that run was the schedule's
 * own and delivered. Failures are logged and recorded in the run history, never rethrown: Quartz would
 * only log them again.
 */
@DisallowConcurrentExecution
class QuarterlyBriefingQuartzJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(QuarterlyBriefingQuartzJob.class);

    /** How often a waiting fire looks at the period's lock again. */
    static final Duration POLL = Duration.ofSeconds(2);

    private final BriefingRunner runner;
    private final ScheduledDeliveries deliveries;
    private final ScheduleProperties properties;
    private final PeriodLock periodLock;

    QuarterlyBriefingQuartzJob(BriefingRunner runner, ScheduledDeliveries deliveries, ScheduleProperties properties,
                               PeriodLock periodLock) {
        this.runner = runner;
        this.deliveries = deliveries;
        this.properties = properties;
        this.periodLock = periodLock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        ZonedDateTime scheduled = context.getScheduledFireTime().toInstant().atZone(properties.timeZone());
        Quarter period = quarterBefore(scheduled);
        String fire = (context.isRecovering() ? "recovered fire of " : "scheduled fire of ") + scheduled;
        RunOutcome outcome;
        do {
            if (!awaitFree(context, period, fire)) {
                log.error("{}: the scheduler is stopping while another run holds {}; not run by the schedule "
                        + "(run it with: run --period {})", fire, period, period);
                return;
            }
            if (deliveries.isDelivered(period)) {
                log.info("{}: {} was already delivered by the schedule; skipped", fire, period);
                return;
            }
            log.info("{}: running {}", fire, period);
            outcome = runner.runScheduled(period);
            // refused without an execution: another run took the period in between; wait for that one
        } while (outcome.executionId() == 0 && periodLock.isHeld(period));
        if (outcome.succeeded()) {
            boolean first = deliveries.record(period, outcome.executionId());
            log.info("{}: {}{}", period, outcome.message(), first ? "" : " (another instance had recorded it)");
        } else {
            log.error("scheduled run of {} failed (exit {}): {}", period, outcome.exitCode(), outcome.message());
        }
    }

    /** Waits while a live run holds the period; false when the scheduler is stopping (or put on standby). */
    private boolean awaitFree(JobExecutionContext context, Quarter period, String fire) {
        boolean told = false;
        while (periodLock.isHeld(period)) {
            if (!told) {
                log.info("{}: {} is held by {}; waiting for that run to end, or for its holder to be found dead",
                        fire, period, periodLock.holder(period).map(PeriodLock.Holder::owner).orElse("another run"));
                told = true;
            }
            try {
                if (context.getScheduler().isInStandbyMode()) { // shutdown puts the scheduler on standby first
                    return false;
                }
                Thread.sleep(POLL.toMillis());
            } catch (SchedulerException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The last quarter that ended on or before the fire time. */
    static Quarter quarterBefore(ZonedDateTime fireTime) {
        return Quarter.latestEnded(fireTime.toInstant(), fireTime.getZone());
    }
}
