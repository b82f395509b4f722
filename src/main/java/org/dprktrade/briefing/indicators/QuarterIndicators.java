package org.dprktrade.briefing.indicators;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.period.Quarter;

/**
 * All indicators of one quarter, in output order (dataset, then {@code all}, then categories
 * alphabetically, then indicator order), and whether the quarter is provisional.
 *
 * @param datasets           the datasets computed, in output order (a dataset may have no indicators)
 * @param provisionalReasons why the quarter is provisional, e.g. "oil: 2 of 3 months reported";
 *                           empty when it is final
 */
public record QuarterIndicators(Quarter period, List<Dataset> datasets, List<Indicator> indicators,
                                List<String> provisionalReasons) {

    public QuarterIndicators {
        Objects.requireNonNull(period, "period");
        datasets = List.copyOf(datasets);
        indicators = List.copyOf(indicators);
        provisionalReasons = List.copyOf(provisionalReasons);
    }

    /** Indicators of the four built-in datasets. */
    public QuarterIndicators(Quarter period, List<Indicator> indicators, List<String> provisionalReasons) {
        this(period, Dataset.BUILT_IN, indicators, provisionalReasons);
    }

    public boolean provisional() {
        return !provisionalReasons.isEmpty();
    }

    public Optional<Indicator> find(Dataset dataset, String category, IndicatorName name) {
        return indicators.stream()
                .filter(i -> i.dataset().equals(dataset) && i.category().equals(category) && i.name() == name)
                .findFirst();
    }

    /** The value, or {@code null} where undefined or absent. */
    public BigDecimal value(Dataset dataset, String category, IndicatorName name) {
        return find(dataset, category, name).map(Indicator::value).orElse(null);
    }

    public List<Indicator> of(Dataset dataset) {
        return indicators.stream().filter(i -> i.dataset().equals(dataset)).toList();
    }

    /** Categories of the dataset in output order, {@code all} first. */
    public List<String> categoriesOf(Dataset dataset) {
        return of(dataset).stream().map(Indicator::category).distinct().toList();
    }
}
