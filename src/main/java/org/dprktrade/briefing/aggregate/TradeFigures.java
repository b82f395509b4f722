package org.dprktrade.briefing.aggregate;

import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.TradeRecord;

/**
 * Monthly figures of one trade dataset by category, summed from accepted rows. Memory grows with
 * categories × months, never with rows. Not thread-safe: one step fills it, later steps read it.
 */
public final class TradeFigures {

    private final Dataset dataset;
    private final Map<String, NavigableMap<YearMonth, TradeMonth>> byCategory = new TreeMap<>();

    public TradeFigures(Dataset dataset) {
        if (!dataset.isTrade()) {
            throw new IllegalArgumentException(dataset + " is not a trade dataset");
        }
        this.dataset = dataset;
    }

    public Dataset dataset() {
        return dataset;
    }

    public void add(TradeRecord row) {
        byCategory.computeIfAbsent(row.category(), c -> new TreeMap<>())
                .merge(row.month(), TradeMonth.EMPTY.plus(row), TradeMonth::plus);
    }

    /** Categories in alphabetical order. */
    public NavigableSet<String> categories() {
        return new TreeSet<>(byCategory.keySet());
    }

    /** The category's months that have at least one accepted row. */
    public NavigableMap<YearMonth, TradeMonth> monthsOf(String category) {
        NavigableMap<YearMonth, TradeMonth> months = byCategory.get(category);
        return months == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(months);
    }

    /** The dataset's monthly totals over all categories (only months with at least one accepted row). */
    public NavigableMap<YearMonth, TradeMonth> totals() {
        NavigableMap<YearMonth, TradeMonth> totals = new TreeMap<>();
        byCategory.values().forEach(months -> months.forEach((m, cell) -> totals.merge(m, cell, TradeMonth::plus)));
        return Collections.unmodifiableNavigableMap(totals);
    }

    public boolean isEmpty() {
        return byCategory.isEmpty();
    }
}
