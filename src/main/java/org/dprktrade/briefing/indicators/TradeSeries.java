package org.dprktrade.briefing.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.function.Function;

import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.aggregate.TradeMonth;
import org.dprktrade.briefing.period.Quarter;

/**
 * The monthly figures of one trade category (or of the dataset total) read as quarters. A month
 * absent from the map had no row: it is missing, never zero. Immutable views only; thread-safe as
 * long as the figures it was made from are no longer filled.
 *
 * @param datasetStart the dataset's first reported month (any category), {@code null} when it has none:
 *                     a sum over several quarters that starts before it is undefined
 */
record TradeSeries(NavigableMap<YearMonth, TradeMonth> months, YearMonth datasetStart) {

    TradeSeries {
        Objects.requireNonNull(months, "months");
    }

    static TradeSeries of(TradeFigures figures, String category) {
        NavigableMap<YearMonth, TradeMonth> totals = figures.totals();
        YearMonth start = totals.isEmpty() ? null : totals.firstKey();
        return new TradeSeries(Indicator.ALL.equals(category) ? totals : figures.monthsOf(category), start);
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
     * Sum of the category's reported months from the start of {@code from} to the end of {@code to}.
     * Undefined ({@code null}) where the span starts before the dataset's first reported month, so that a
     * span reaching back before the data never passes for a full one, and where the category has no
     * reported month in the span. A category absent from part of the span contributes nothing there
     * (docs/indicators.md, "Sums over several quarters").
     */
    BigDecimal quantity(Quarter from, Quarter to) {
        return sumOver(from, to, TradeMonth::quantityT);
    }

    /** As {@link #quantity(Quarter, Quarter)} for values, over the months that have one. */
    BigDecimal value(Quarter from, Quarter to) {
        return sumOver(from, to, TradeMonth::valueUsd);
    }

    private BigDecimal sumOver(Quarter from, Quarter to, Function<TradeMonth, BigDecimal> figure) {
        if (datasetStart == null || from.firstMonth().isBefore(datasetStart)) {
            return null;
        }
        return months.subMap(from.firstMonth(), true, to.lastMonth(), true).values().stream()
                .map(figure).filter(Objects::nonNull).reduce(BigDecimal::add).orElse(null);
    }

    /** January to the end of the quarter. */
    BigDecimal yearToDate(Quarter quarter) {
        return quantity(new Quarter(quarter.year(), 1), quarter);
    }

    /** Value from January to the end of the quarter, over the months that have one. */
    BigDecimal valueYearToDate(Quarter quarter) {
        return value(new Quarter(quarter.year(), 1), quarter);
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
