package org.dprktrade.briefing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.dprktrade.briefing.schedule.ScheduleProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ScheduleHealthIndicatorTests {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-10-10T06:00:00Z");

    @Test
    void aFreshStateIsUp() {
        Health health = health(List.of());
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("lastScheduledRun", "none yet").containsKey("nextFire");
    }

    @Test
    void aFailedScheduledQuarterThatWasNotRerunIsDown() {
        Health health = health(List.of(run(3, "2026-Q3", "FAILED", "schedule", "-"),
                run(2, "2026-Q2", "COMPLETED", "schedule", "SENT 1/1")));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("problem")).isEqualTo("the scheduled run of 2026-Q3 ended FAILED and the "
                + "quarter has not been run successfully since");
    }

    @Test
    void aFailedDeliveryIsDownToo() {
        Health health = health(List.of(run(3, "2026-Q3", "COMPLETED", "schedule", "FAILED 0/2")));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aLaterSuccessfulRerunOfThatQuarterBringsItBackUp() {
        Health health = health(List.of(run(5, "2026-Q3", "COMPLETED", "manual", "SENT 1/1"),
                run(4, "2026-Q1", "COMPLETED", "manual", "SENT 1/1"),
                run(3, "2026-Q3", "FAILED", "schedule", "-")));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aRerunOfAnotherQuarterDoesNot() {
        Health health = health(List.of(run(4, "2026-Q1", "COMPLETED", "manual", "SENT 1/1"),
                run(3, "2026-Q3", "FAILED", "schedule", "-")));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }

    private static RunsView.Run run(long id, String period, String status, String trigger, String delivery) {
        return new RunsView.Run(id, period, status, trigger, T, T.plusMinutes(1), delivery, false, status, "");
    }

    private static Health health(List<RunsView.Run> runs) {
        RunsView view = new RunsView(null, null, null) {
            @Override
            public List<Run> runs(String period, String status, String trigger) {
                return runs;
            }
        };
        return new ScheduleHealthIndicator(view, new ScheduleProperties("0 0 6 10 1,4,7,10 ?", ZoneId.of("UTC")))
                .health(true);
    }
}
