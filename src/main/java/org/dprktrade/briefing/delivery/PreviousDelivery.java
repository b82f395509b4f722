package org.dprktrade.briefing.delivery;

import java.time.LocalDate;
import java.util.Objects;

import org.dprktrade.briefing.period.Quarter;

/**
 * The latest briefing of a period that reached at least one reader.
 *
 * @param executionId the execution whose reports were sent
 * @param revision    its revision number (1 for the original)
 * @param firstSentOn the day it was first sent to anyone
 */
public record PreviousDelivery(Quarter period, long executionId, int revision, LocalDate firstSentOn) {

    public PreviousDelivery {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(firstSentOn, "firstSentOn");
    }

    /** The revision a newer briefing of the same period carries. */
    public Revision nextRevision() {
        return new Revision(revision + 1, firstSentOn);
    }
}
