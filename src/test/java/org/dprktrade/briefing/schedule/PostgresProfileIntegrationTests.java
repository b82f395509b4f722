package org.dprktrade.briefing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dprktrade.briefing.BriefingApplication;
import org.dprktrade.briefing.job.BriefingRunner;
import org.dprktrade.briefing.state.RunHistory;
import org.dprktrade.briefing.job.RunOutcome;
import org.dprktrade.briefing.period.Quarter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application on PostgreSQL (profile postgres): Flyway creates every table once, a restart on the
 * same database changes nothing and keeps history and schedule, and a run's records land there.
 * Skipped without {@code BRIEFING_TEST_POSTGRES_URL}.
 */
class PostgresProfileIntegrationTests {

    private static final Quarter Q3 = Quarter.parse("2014-Q3");

    @TempDir
    Path reports;

    @Test
    void aSecondStartOnTheSameDatabaseKeepsTheSchemaTheHistoryAndTheSchedule() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            RunOutcome first;
            try (ConfigurableApplicationContext context = start(db)) {
                context.getBean(ScheduleRegistrar.class).start();
                first = context.getBean(BriefingRunner.class).run(Q3);
                assertThat(first.succeeded()).as(first.message()).isTrue();
            }

            try (ConfigurableApplicationContext again = start(db)) {
                JdbcTemplate jdbc = again.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForList("SELECT VERSION FROM FLYWAY_SCHEMA_HISTORY WHERE SUCCESS ORDER BY "
                        + "INSTALLED_RANK", String.class)).containsExactly("1", "2", "3", "4");
                assertThat(again.getBean(RunHistory.class).latest(10)).singleElement().satisfies(run -> {
                    assertThat(run.executionId()).isEqualTo(first.executionId());
                    assertThat(run.status()).isEqualTo("COMPLETED");
                    assertThat(run.delivery()).isEqualTo("SENT 1/1");
                });
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BRIEFING_PERIOD_LOCK", Integer.class)).isZero();
                assertThat(again.getBean(Scheduler.class).getTrigger(ScheduleRegistrar.TRIGGER))
                        .isInstanceOfSatisfying(CronTrigger.class,
                                cron -> assertThat(cron.getCronExpression()).isEqualTo("0 0 6 10 1,4,7,10 ?"));
                assertThat(again.getBean(Scheduler.class).getMetaData().isJobStoreClustered()).isTrue();
            }
        }
    }

    private ConfigurableApplicationContext start(PostgresTestDatabase db) {
        List<String> arguments = new ArrayList<>(List.of(db.springArguments()));
        arguments.addAll(List.of("--briefing.input-dir=input", "--briefing.reports-dir=" + reports,
                "--spring.quartz.properties.org.quartz.scheduler.instanceId=test"));
        return new SpringApplicationBuilder(BriefingApplication.class).web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }
}
