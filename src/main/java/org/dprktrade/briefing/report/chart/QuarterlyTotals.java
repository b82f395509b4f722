package org.dprktrade.briefing.report.chart;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.aggregate.TradeMonth;
import org.dprktrade.briefing.period.Quarter;

/**
 * Tonnes per quarter and category over a run of quarters ending with the briefing's quarter: the data
 * behind the totals-and-mix chart. A quarter with no accepted row has no entry in {@link #tonnes} (a
 * gap, not a zero); a reported zero stays zero.
 *
 * @param quarters the quarters shown, oldest first, always {@code count} of them
 * @param tonnes   per quarter (same order), category → tonnes; categories alphabetical
 */
public record QuarterlyTotals(List<Quarter> quarters, Map<Quarter, Map<String, BigDecimal>> tonnes) {

    public QuarterlyTotals {
        quarters = List.copyOf(quarters);
        tonnes = Collections.unmodifiableMap(new LinkedHashMap<>(tonnes));
    }

    /** The {@code count} quarters ending with {@code last}, summed from the figures' months. */
    public static QuarterlyTotals of(TradeFigures figures, Quarter last, int count) {
        Objects.requireNonNull(figures, "figures");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        List<Quarter> quarters = new ArrayList<>(count);
        for (int i = count - 1; i >= 0; i--) {
            quarters.add(last.plusQuarters(-i));
        }
        Quarter first = quarters.get(0);
        Map<Quarter, Map<String, BigDecimal>> tonnes = new LinkedHashMap<>();
        for (String category : figures.categories()) {
            for (Map.Entry<YearMonth, TradeMonth> m : figures.monthsOf(category)
                    .subMap(first.firstMonth(), true, last.lastMonth(), true).entrySet()) {
                tonnes.computeIfAbsent(Quarter.of(m.getKey()), q -> new TreeMap<>())
                        .merge(category, m.getValue().quantityT(), BigDecimal::add);
            }
        }
        Map<Quarter, Map<String, BigDecimal>> ordered = new LinkedHashMap<>();
        quarters.forEach(q -> {
            if (tonnes.containsKey(q)) {
                ordered.put(q, Collections.unmodifiableMap(tonnes.get(q)));
            }
        });
        return new QuarterlyTotals(quarters, ordered);
    }

    /** The quarter's total over categories, or {@code null} for a quarter with no figures. */
    public BigDecimal total(Quarter quarter) {
        Map<String, BigDecimal> byCategory = tonnes.get(quarter);
        return byCategory == null ? null : byCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Categories that appear in any quarter shown, alphabetical. */
    public List<String> categories() {
        return tonnes.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
    }
}
