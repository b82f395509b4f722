package org.dprktrade.briefing.delivery;

/** The overall result of delivering one quarter's briefing. */
public enum DeliveryOutcome {
    /** Every configured recipient has the briefing (now or from an earlier attempt). */
    DELIVERED,
    /** At least one configured recipient does not have it; the reports stay and delivery can be retried. */
    FAILED,
    /** Nothing was sent on purpose: delivery is off or no recipient is configured. */
    SKIPPED
}
