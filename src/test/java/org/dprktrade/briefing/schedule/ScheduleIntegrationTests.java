package org.dprktrade.briefing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.dprktrade.briefing.BriefingApplication;
import org.dprktrade.briefing.state.PeriodLock;
import org.dprktrade.briefing.state.RunHistory;
import org.dprktrade.briefing.state.ScheduledDeliveries;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.testing.FixtureWorkbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.listeners.JobListenerSupport;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scheduler on a real H2 file database with Quartz's JDBC store and a fast cron: fires run the
 * quarter that ended before the fire, once; fires missed while the service was down run once.
 */
class ScheduleIntegrationTests {

    @TempDir
    Path input;

    @TempDir
    Path reports;

    private Quarter expected;

    @BeforeEach
    void inputsReachTheQuarterBeforeNow() throws Exception {
        expected = Quarter.containing(LocalDate.now(ZoneOffset.UTC)).previous();
        FixtureWorkbooks.write(input, expected.firstMonth().minusMonths(12), expected.lastMonth());
    }

    @Test
    void firesRunTheQuarterThatEndedAndLaterFiresSkipIt() throws Exception {
        try (ConfigurableApplicationContext context = start("0/2 * * * * ?")) {
            AtomicInteger fires = countFires(context);
            context.getBean(ScheduleRegistrar.class).start();

            await(() -> fires.get() >= 3, Duration.ofSeconds(30));

            List<RunHistory.Entry> runs = context.getBean(RunHistory.class).latest(10);
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).period()).isEqualTo(expected.toString());
            assertThat(runs.get(0).status()).isEqualTo("COMPLETED");
            assertThat(runs.get(0).trigger()).isEqualTo("schedule");
            assertThat(reports.resolve(expected.toString()).resolve("briefing-" + expected + ".pdf")).isNotEmptyFile();
            assertThat(context.getBean(ScheduledDeliveries.class).isDelivered(expected)).isTrue();
        }
    }

    @Test
    void firesMissedWhileTheServiceWasDownRunOnceWhenItComesBack() throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        if (now.getSecond() > 40) {
            Thread.sleep((61 - now.getSecond()) * 1000L);
            now = LocalDateTime.now(ZoneOffset.UTC);
        }
        // three fire times, 12 to 14 seconds from now (room for a slow start), in this minute of this year only
        LocalDateTime lastFire = now.withNano(0).plusSeconds(14);
        String cron = String.format("%d,%d,%d %d %d %d %d ? %d", now.getSecond() + 12, now.getSecond() + 13,
                now.getSecond() + 14, now.getMinute(), now.getHour(), now.getDayOfMonth(), now.getMonthValue(),
                now.getYear());
        try (ConfigurableApplicationContext down = start(cron)) {
            AtomicInteger firesWhileUp = countFires(down);
            down.getBean(ScheduleRegistrar.class).start();
            down.getBean(Scheduler.class).standby();
            assertThat(firesWhileUp.get()).as("the service went down before the first fire time").isZero();
            assertThat(LocalDateTime.now(ZoneOffset.UTC)).as("registered before the first fire time")
                    .isBefore(lastFire.minusSeconds(2));
        }
        // all three fire times pass with no scheduler running
        Thread.sleep(Math.max(0, Duration.between(LocalDateTime.now(ZoneOffset.UTC), lastFire).toMillis()) + 2_000);

        try (ConfigurableApplicationContext back = start(cron)) {
            AtomicInteger fires = countFires(back);
            back.getBean(ScheduleRegistrar.class).start();
            await(() -> fires.get() >= 1, Duration.ofSeconds(20));
            Thread.sleep(3_000); // room for any further (wrong) fire

            assertThat(fires.get()).isEqualTo(1);
            assertThat(back.getBean(RunHistory.class).latest(10)).singleElement()
                    .satisfies(run -> assertThat(run.period()).isEqualTo(expected.toString()));
        }
    }

    @Test
    void aFireWhoseQuarterAHolderOnAnotherHostHoldsWaitsUntilItsLeaseRunsOutThenRuns() throws Exception {
        try (ConfigurableApplicationContext context = start("0/2 * * * * ?")) {
            // an instance on another host took the quarter and went silent: its lease runs out 3 s from now
            LocalDateTime heartbeat = LocalDateTime.now(ZoneOffset.UTC).minus(PeriodLock.LEASE).plusSeconds(3);
            context.getBean(JdbcTemplate.class).update("INSERT INTO BRIEFING_PERIOD_LOCK (PERIOD, OWNER, EXECUTION_ID, "
                    + "ACQUIRED_AT, HEARTBEAT_AT) VALUES (?, 'other-host:42:abcd0001', 99, ?, ?)", expected.toString(),
                    heartbeat, heartbeat);
            AtomicInteger fires = countFires(context);
            context.getBean(ScheduleRegistrar.class).start();

            await(() -> fires.get() >= 1, Duration.ofSeconds(30));

            // the first fire itself ran the quarter, once the holder counted as dead
            assertThat(context.getBean(RunHistory.class).latest(10)).singleElement().satisfies(run -> {
                assertThat(run.period()).isEqualTo(expected.toString());
                assertThat(run.status()).isEqualTo("COMPLETED");
            });
            assertThat(context.getBean(ScheduledDeliveries.class).isDelivered(expected)).isTrue();
        }
    }

    private ConfigurableApplicationContext start(String cron) {
        return new SpringApplicationBuilder(BriefingApplication.class).web(WebApplicationType.NONE)
                .run("--briefing.input-dir=" + input, "--briefing.reports-dir=" + reports,
                        "--briefing.schedule.cron=" + cron,
                        "--spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000");
    }

    private static AtomicInteger countFires(ConfigurableApplicationContext context) throws Exception {
        AtomicInteger fires = new AtomicInteger();
        context.getBean(Scheduler.class).getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return "fire-counter";
            }

            @Override
            public void jobWasExecuted(JobExecutionContext ctx, JobExecutionException e) {
                fires.incrementAndGet();
            }
        });
        return fires;
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", timeout).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
