package org.dprktrade.briefing.delivery;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Marks a briefing that replaces one readers already received for the same quarter.
 *
 * @param number         2 for the first replacement, and so on
 * @param replacesSentOn the day the briefing being replaced was first sent
 */
public record Revision(int number, LocalDate replacesSentOn) {

    public Revision {
        if (number < 2) {
            throw new IllegalArgumentException("a revision is numbered 2 or more, was " + number);
        }
        Objects.requireNonNull(replacesSentOn, "replacesSentOn");
    }

    /** {@code Revision 2 — replaces the briefing sent 2015-01-10}, for the PDF title and the mail body. */
    public String mark() {
        return "Revision " + number + " — replaces the briefing sent " + replacesSentOn;
    }
}
