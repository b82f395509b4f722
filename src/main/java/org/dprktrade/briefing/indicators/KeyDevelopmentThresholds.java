package org.dprktrade.briefing.indicators;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * When a movement is worth a key-development sentence.
 *
 * @param minChangePct        smallest absolute percentage change mentioned (inclusive)
 * @param minZeroStreakMonths smallest run of reported-zero months mentioned (inclusive)
 * @param maxSentences        most sentences written
 */
public record KeyDevelopmentThresholds(BigDecimal minChangePct, int minZeroStreakMonths, int maxSentences) {

    /** 10 %, 3 months, 8 sentences. */
    public static final KeyDevelopmentThresholds DEFAULTS =
            new KeyDevelopmentThresholds(BigDecimal.TEN, 3, 8);

    public KeyDevelopmentThresholds {
        Objects.requireNonNull(minChangePct, "minChangePct");
        if (minChangePct.signum() < 0) {
            throw new IllegalArgumentException("minChangePct must not be negative: " + minChangePct);
        }
        if (minZeroStreakMonths < 1) {
            throw new IllegalArgumentException("minZeroStreakMonths must be at least 1: " + minZeroStreakMonths);
        }
        if (maxSentences < 1) {
            throw new IllegalArgumentException("maxSentences must be at least 1: " + maxSentences);
        }
    }
}
