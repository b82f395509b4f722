package org.dprktrade.briefing.aggregate;

import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.dprktrade.briefing.ingest.LaborRecord;

/** Monthly labor figures by location. Memory grows with locations × months, never with rows. Not thread-safe. */
public final class LaborFigures {

    private final Map<String, NavigableMap<YearMonth, LaborMonth>> byLocation = new TreeMap<>();

    public void add(LaborRecord row) {
        byLocation.computeIfAbsent(row.location(), l -> new TreeMap<>())
                .merge(row.month(), LaborMonth.EMPTY.plus(row), LaborMonth::plus);
    }

    public NavigableSet<String> locations() {
        return new TreeSet<>(byLocation.keySet());
    }

    public NavigableMap<YearMonth, LaborMonth> monthsOf(String location) {
        NavigableMap<YearMonth, LaborMonth> months = byLocation.get(location);
        return months == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(months);
    }

    /** Months with at least one accepted row in any location, summed over locations. */
    public NavigableMap<YearMonth, LaborMonth> totals() {
        NavigableMap<YearMonth, LaborMonth> totals = new TreeMap<>();
        byLocation.values().forEach(months -> months.forEach((m, cell) -> totals.merge(m, cell, LaborMonth::plus)));
        return Collections.unmodifiableNavigableMap(totals);
    }

    public boolean isEmpty() {
        return byLocation.isEmpty();
    }
}
