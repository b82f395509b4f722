package org.dprktrade.briefing.delivery;

import java.time.Instant;
import java.util.Objects;

import org.dprktrade.briefing.period.Quarter;

/**
 * One row of {@code BRIEFING_DELIVERY}: the state of one recipient for one execution's briefing.
 *
 * @param attempts  sending attempts so far, over every delivery of this execution (0 when none was made)
 * @param lastError one line, at most 1000 characters, or {@code null}
 * @param messageId the {@code Message-ID} of the message sent or written, or {@code null}
 * @param revision  1 for the first briefing readers got for the period, 2 for the one that replaced it, …
 */
public record DeliveryRecord(long id, long executionId, Quarter period, String recipient, DeliveryStatus status,
                             int attempts, String lastError, String messageId, int revision, Instant updatedAt) {

    public DeliveryRecord {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
        }
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be 1 or more, was " + revision);
        }
    }
}
