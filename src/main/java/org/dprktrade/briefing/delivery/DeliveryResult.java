package org.dprktrade.briefing.delivery;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.dprktrade.briefing.period.Quarter;

/**
 * What one call of {@link BriefingDelivery#deliver} achieved.
 *
 * @param outcome    DELIVERED when every configured recipient has the briefing, FAILED when one does not
 * @param revision   the revision number the briefing was sent as (1 for the original)
 * @param recipients the stored record of every recipient of this execution, in the order first recorded
 * @param sentNow    recipients served by this call (others already had it, or failed)
 * @param outboxFile the {@code .eml} file written by this call in outbox mode, else {@code null}
 * @param problem    one line saying why delivery failed or was skipped, else {@code null}
 */
public record DeliveryResult(Quarter period, long executionId, DeliveryOutcome outcome, int revision,
                             List<DeliveryRecord> recipients, List<String> sentNow, Path outboxFile, String problem) {

    public DeliveryResult {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome != DeliveryOutcome.DELIVERED) {
            Objects.requireNonNull(problem, "problem");
        }
        recipients = List.copyOf(recipients);
        sentNow = List.copyOf(sentNow);
    }

    /** One line for the console and the run history, e.g. {@code delivered 2014-Q3 to 3 recipients}. */
    public String summary() {
        return switch (outcome) {
            case DELIVERED -> "delivered " + period + " to " + countOf(DeliveryStatus.SENT) + " recipient(s)"
                    + (outboxFile != null ? " (outbox " + outboxFile + ")" : "")
                    + (sentNow.size() < countOf(DeliveryStatus.SENT) ? ", " + sentNow.size() + " of them now" : "");
            case SKIPPED -> "delivery of " + period + " skipped: " + problem;
            case FAILED -> "delivery of " + period + " failed: " + problem;
        };
    }

    private long countOf(DeliveryStatus status) {
        return recipients.stream().filter(r -> r.status() == status).count();
    }
}
