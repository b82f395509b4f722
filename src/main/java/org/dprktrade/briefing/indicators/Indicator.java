package org.dprktrade.briefing.indicators;

import java.math.BigDecimal;
import java.util.Objects;

import org.dprktrade.briefing.ingest.Dataset;

/**
 * One indicator value of a quarter.
 *
 * @param category a category slug, or {@link #ALL} for the dataset total
 * @param value    exact value, or {@code null} where undefined (a percentage on a zero or missing base,
 *                 a unit value with no valued tonnage): shown as {@code n/a}, never as 0
 */
public record Indicator(Dataset dataset, String category, IndicatorName name, BigDecimal value) {

    public static final String ALL = "all";

    public Indicator {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
    }

    public boolean isDefined() {
        return value != null;
    }
}
