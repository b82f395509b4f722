package org.dprktrade.briefing.delivery;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dprktrade.briefing.period.Quarter;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DeliveryRecordsIntegrationTests {

    static final Quarter Q2 = Quarter.parse("2014-Q2");

    static final Quarter Q3 = Quarter.parse("2014-Q3");

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock("2015-01-10T06:00:00Z");

    ApplicationContextRunner context() {
        return DeliveryFixtures.contextIn(dir, clock);
    }

    @Nested
    class Recording {

        @Test
        void recordingTheSameRecipientAgainUpdatesItsRow() {
            context().run(context -> {
                DeliveryRecords records = context.getBean(DeliveryRecords.class);
                records.record(5, Q3, "a@example.org", DeliveryStatus.FAILED, 3, "SMTP 451 later", null, 1);
                records.record(5, Q3, "b@example.org", DeliveryStatus.SENT, 1, null, "<m1@x>", 1);
                clock.set("2015-01-11T06:00:00Z");
                records.record(5, Q3, "a@example.org", DeliveryStatus.SENT, 4, null, "<m2@x>", 1);

                assertThat(records.forExecution(5))
                        .extracting(DeliveryRecord::recipient, DeliveryRecord::status, DeliveryRecord::attempts,
                                DeliveryRecord::lastError, DeliveryRecord::messageId, r -> r.updatedAt().toString())
                        .containsExactly(
                                tuple("a@example.org", DeliveryStatus.SENT, 4, null, "<m2@x>", "2015-01-11T06:00:00Z"),
                                tuple("b@example.org", DeliveryStatus.SENT, 1, null, "<m1@x>", "2015-01-10T06:00:00Z"));
                assertThat(records.forExecution(6)).isEmpty();
            });
        }

        @Test
        void anErrorIsStoredAsOneLineOfAtMost1000Characters() {
            context().run(context -> {
                DeliveryRecords records = context.getBean(DeliveryRecords.class);
                String longError = "SMTP 554\n  rejected:\t" + "x".repeat(2000);
                DeliveryRecord r = records.record(5, Q3, "a@example.org", DeliveryStatus.FAILED, 1, longError, null, 1);

                assertThat(r.lastError()).hasSize(1000).startsWith("SMTP 554 rejected: xxx").endsWith("x…").doesNotContain("\n");
            });
        }

        @Test
        void theSchemaScriptRunsAgainOnAnExistingDatabase() {
            context().run(context -> context.getBean(DeliveryRecords.class)
                    .record(5, Q3, "a@example.org", DeliveryStatus.SENT, 1, null, null, 1));
            context().run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(DeliveryRecords.class).forExecution(5)).hasSize(1);
            });
        }
    }

    @Nested
    class Queries {

        @Test
        void latestForPeriodIsTheNewestExecutionOfThatPeriod() {
            context().run(context -> {
                DeliveryRecords records = context.getBean(DeliveryRecords.class);
                records.record(5, Q3, "a@example.org", DeliveryStatus.SENT, 1, null, null, 1);
                records.record(9, Q3, "a@example.org", DeliveryStatus.FAILED, 3, "down", null, 2);
                records.record(9, Q3, "b@example.org", DeliveryStatus.SENT, 1, null, null, 2);
                records.record(12, Q2, "a@example.org", DeliveryStatus.SENT, 1, null, null, 1);

                assertThat(records.latestForPeriod(Q3)).extracting(DeliveryRecord::executionId, DeliveryRecord::recipient)
                        .containsExactly(tuple(9L, "a@example.org"), tuple(9L, "b@example.org"));
                assertThat(records.latestForPeriod(Quarter.parse("2013-Q1"))).isEmpty();
            });
        }

        @Test
        void deliveredPeriodsAreThoseThatReachedSomebody() {
            context().run(context -> {
                DeliveryRecords records = context.getBean(DeliveryRecords.class);
                records.record(5, Q3, "a@example.org", DeliveryStatus.SENT, 1, null, null, 1);
                records.record(6, Q2, "a@example.org", DeliveryStatus.SENT, 1, null, null, 1);
                records.record(7, Quarter.parse("2014-Q4"), "a@example.org", DeliveryStatus.FAILED, 3, "down", null, 1);
                records.record(8, Quarter.parse("2015-Q1"), "a@example.org", DeliveryStatus.SKIPPED, 0, null, null, 1);

                assertThat(records.deliveredPeriods()).containsExactly(Q2, Q3);
            });
        }

        @Test
        void previousDeliveryIsTheLatestSentRevisionWithItsFirstSendingDay() {
            context().run(context -> {
                DeliveryRecords records = context.getBean(DeliveryRecords.class);
                assertThat(records.previousDelivery(Q3)).isEmpty();
                records.record(5, Q3, "a@example.org", DeliveryStatus.SENT, 1, null, null, 1);
                clock.set("2015-02-01T23:30:00Z");
                records.record(9, Q3, "b@example.org", DeliveryStatus.SENT, 1, null, null, 2);
                clock.set("2015-02-03T10:00:00Z");
                records.record(9, Q3, "a@example.org", DeliveryStatus.SENT, 2, null, null, 2);
                // Revision 3 reached nobody: it does not count.
                records.record(11, Q3, "a@example.org", DeliveryStatus.FAILED, 3, "down", null, 3);

                assertThat(records.previousDelivery(Q3)).contains(new PreviousDelivery(Q3, 9, 2, LocalDate.of(2015, 2, 1)));
                assertThat(records.latestSentBelow(Q3, 2)).contains(new PreviousDelivery(Q3, 5, 1, LocalDate.of(2015, 1, 10)));
                assertThat(records.previousDelivery(Q2)).isEmpty();
            });
        }
    }
}
