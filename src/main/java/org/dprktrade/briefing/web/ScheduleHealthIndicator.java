package org.dprktrade.briefing.web;

import java.text.ParseException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.dprktrade.briefing.state.RunKeys;
import org.dprktrade.briefing.schedule.ScheduleProperties;
import org.quartz.CronExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code schedule} in {@code /actuator/health}: DOWN while the latest scheduled run failed and its quarter has
 * not completed since (by a rerun from anywhere); UP otherwise, a fresh state included. Details: the last
 * scheduled run's quarter, status, end and age, and the next fire.
 */
@Component("schedule")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ScheduleHealthIndicator extends AbstractHealthIndicator {

    private final RunsView runs;
    private final ScheduleProperties schedule;

    ScheduleHealthIndicator(RunsView runs, ScheduleProperties schedule) {
        super("schedule health check failed");
        this.runs = runs;
        this.schedule = schedule;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws ParseException {
        CronExpression cron = new CronExpression(schedule.cron());
        cron.setTimeZone(TimeZone.getTimeZone(schedule.timeZone()));
        Date next = cron.getNextValidTimeAfter(new Date());
        builder.withDetail("cron", schedule.cron()).withDetail("timeZone", schedule.timeZone().getId())
                .withDetail("nextFire", next == null ? "never" : next.toInstant().toString());
        List<RunsView.Run> all = runs.runs(null, null, null);
        RunsView.Run last = all.stream().filter(r -> RunKeys.BY_SCHEDULE.equals(r.trigger())).findFirst().orElse(null);
        if (last == null) {
            builder.up().withDetail("lastScheduledRun", "none yet");
            return;
        }
        OffsetDateTime when = last.end() != null ? last.end() : last.start();
        builder.withDetail("lastScheduledRun", java.util.Map.of("id", last.id(), "period", last.period(),
                "status", last.status(), "delivery", last.delivery(),
                "age", when == null ? "" : Duration.between(when, OffsetDateTime.now()).withNanos(0).toString()));
        boolean failed = last.status().equals("FAILED") || last.status().equals("ABANDONED")
                || last.status().equals("STOPPED") || last.delivery().startsWith("FAILED");
        boolean rerun = all.stream().anyMatch(r -> r.id() > last.id() && r.period().equals(last.period())
                && r.status().equals("COMPLETED") && !r.delivery().startsWith("FAILED"));
        if (failed && !rerun) {
            builder.down().withDetail("problem", "the scheduled run of " + last.period() + " ended " + last.status()
                    + (last.delivery().startsWith("FAILED") ? " (delivery " + last.delivery() + ")" : "")
                    + " and the quarter has not been run successfully since");
        } else {
            builder.up();
        }
    }
}
