package org.dprktrade.briefing.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;

import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.aggregate.TradeMonth;
import org.dprktrade.briefing.period.Quarter;

/**
 * The monthly figures of one trade category (or of the dataset total) read as quarters. A month
 * absent from the map had no row: it is missing, never zero. Immutable views only; thread-safe as
 * long as the figures it was made from are no longer filled.
 */
record TradeSeries(NavigableMap<YearMonth, TradeMonth> months) {

    TradeSeries {
        Objects.requireNonNull(months, "months");
    }

    static TradeSeries of(TradeFigures figures, String category) {
        return new TradeSeries(Indicator.ALL.equals(category) ? figures.totals() : figures.monthsOf(category));
    }

    /** The quarter's reported months, in calendar order. */
    List<TradeMonth> in(Quarter quarter) {
        return List.copyOf(months.subMap(quarter.firstMonth(), true, quarter.lastMonth(), true).values());
    }

    int monthsReported(Quarter quarter) {
        return in(quarter).size();
    }

    /** Sum of the quarter's reported months; {@code null} when none is reported. */
    BigDecimal quantity(Quarter quarter) {
        List<TradeMonth> reported = in(quarter);
        if (reported.isEmpty()) {
            return null;
        }
        return reported.stream().map(TradeMonth::quantityT).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Sum over the quarters {@code from} to {@code to}; {@code null} unless every one of them has at
     * least one reported month, so that a span starting before the data does not pass for a full one.
     */
    BigDecimal quantity(Quarter from, Quarter to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Quarter q = from; q.compareTo(to) <= 0; q = q.next()) {
            BigDecimal quarter = quantity(q);
            if (quarter == null) {
                return null;
            }
            sum = sum.add(quarter);
        }
        return sum;
    }

    /** January to the end of the quarter. */
    BigDecimal yearToDate(Quarter quarter) {
        return quantity(new Quarter(quarter.year(), 1), quarter);
    }

    BigDecimal trailingFourQuarters(Quarter quarter) {
        return quantity(quarter.plusQuarters(-3), quarter);
    }

    /** Sum of values over the months that have one; {@code null} when none has. */
    BigDecimal value(Quarter quarter) {
        return in(quarter).stream().map(TradeMonth::valueUsd).filter(Objects::nonNull)
                .reduce(BigDecimal::add).orElse(null);
    }

    /**
     * Value over the tonnage of the valued rows only, so that rows without a value do not dilute it;
     * {@code null} when no row has a value or that tonnage is 0.
     */
    BigDecimal unitValue(Quarter quarter) {
        BigDecimal value = value(quarter);
        BigDecimal tonnes = in(quarter).stream().map(TradeMonth::quantityWithValueT)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (value == null || tonnes.signum() == 0) {
            return null;
        }
        return value.divide(tonnes, MathContext.DECIMAL64);
    }

    int zeroMonths(Quarter quarter) {
        return (int) in(quarter).stream().filter(m -> m.quantityT().signum() == 0).count();
    }

    /** Reported-zero months in a row ending with the quarter's last month; an unreported month ends it. */
    int zeroStreak(Quarter quarter) {
        int streak = 0;
        for (YearMonth m = quarter.lastMonth(); isReportedZero(m); m = m.minusMonths(1)) {
            streak++;
        }
        return streak;
    }

    private boolean isReportedZero(YearMonth month) {
        TradeMonth cell = months.get(month);
        return cell != null && cell.quantityT().signum() == 0;
    }
}
