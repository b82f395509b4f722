package org.dprktrade.briefing.delivery;

/** What happened for one recipient, as stored in {@code BRIEFING_DELIVERY.STATUS}. */
public enum DeliveryStatus {
    /** Handed to the SMTP server, or written to the outbox. */
    SENT,
    /** Not delivered after the allowed attempts, or refused permanently; a later delivery retries it. */
    FAILED,
    /** Delivery is switched off ({@code briefing.delivery.mode=none}). */
    SKIPPED
}
