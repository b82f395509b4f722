package org.dprktrade.briefing.indicators;

import static org.dprktrade.briefing.indicators.IndicatorName.*;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;

import org.dprktrade.briefing.aggregate.LaborFigures;
import org.dprktrade.briefing.aggregate.LaborMonth;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.period.Quarter;

/**
 * Computes every indicator of {@code docs/indicators.md} for one quarter from the monthly figures of each
 * dataset's whole history. Pure and stateless: thread-safe, no I/O, memory proportional to the
 * categories and months of the figures.
 *
 * <p>Rules where a choice had to be made, all following "missing is never the same as zero":
 * <ul>
 * <li>A quarter's {@code quantity_t} is the sum of its reported months, and undefined ({@code null})
 *     when none of its months is reported; {@code months_reported} says how complete it is.</li>
 * <li>Sums over several quarters ({@code ytd_*}, {@code trailing_4q_quantity_t}) add the category's
 *     reported months of the span; they are undefined where the span starts before the dataset's first
 *     reported month (so a span reaching back before the data never passes for a full one) and where
 *     the category has no reported month (for values: no valued month) in the span.</li>
 * <li>A percentage is undefined when its figure or its base is undefined, or its base is 0.</li>
 * <li>Divisions use {@link MathContext#DECIMAL64}; nothing is rounded here (writers round).</li>
 * </ul>
 * Indicators come in output order: datasets in {@link Dataset} order (a trade dataset absent from
 * the map and a {@code null} labor dataset are skipped), {@code all} first, then categories
 * alphabetically (every category with any month in the history), then {@link IndicatorName} order.
 */
public final class IndicatorCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final List<IndicatorName> TRADE_INDICATORS = List.of(QUANTITY_T, VALUE_USD, QOQ_PCT, YOY_PCT,
            YTD_QUANTITY_T, YTD_YOY_PCT, SHARE_PCT, UNIT_VALUE_USD_PER_T, MONTHS_REPORTED, ZERO_MONTHS,
            ZERO_STREAK_MONTHS, TRAILING_4Q_QUANTITY_T, YTD_VALUE_USD, YTD_VALUE_YOY_PCT);

    private IndicatorCalculator() {
    }

    /**
     * The quarter's indicators and the reasons it is provisional: one per dataset whose {@code all}
     * has fewer than 3 months reported (an absent dataset counts as 0 of 3), and one when the quarter
     * has not ended by {@code today}.
     *
     * @param trade figures by trade dataset; each must belong to its key
     * @param labor labor figures, or {@code null} where there are none
     */
    public static QuarterIndicators compute(Quarter period, Map<Dataset, TradeFigures> trade, LaborFigures labor,
                                            LocalDate today) {
        return compute(period, Dataset.BUILT_IN, trade, labor, today);
    }

    /**
     * As {@link #compute(Quarter, Map, LaborFigures, LocalDate)} for the given datasets, in their order.
     *
     * @param labor figures of the (one) labor dataset among {@code datasets}, or {@code null}
     */
    public static QuarterIndicators compute(Quarter period, List<Dataset> datasets, Map<Dataset, TradeFigures> trade,
                                            LaborFigures labor, LocalDate today) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(today, "today");
        List<Indicator> indicators = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Dataset dataset : datasets) {
            int monthsReported;
            if (dataset.isTrade()) {
                TradeFigures figures = trade.get(dataset);
                if (figures != null && !figures.dataset().equals(dataset)) {
                    throw new IllegalArgumentException(
                            "figures of " + figures.dataset() + " were given as " + dataset);
                }
                monthsReported = figures == null ? 0 : trade(period, figures, indicators);
            } else {
                monthsReported = labor == null ? 0 : labor(period, dataset, labor, indicators);
            }
            if (monthsReported < 3) {
                reasons.add(dataset + ": " + monthsReported + " of 3 months reported");
            }
        }
        if (!period.hasEndedBy(today)) {
            reasons.add(period + " has not ended yet (today " + today + ")");
        }
        return new QuarterIndicators(period, datasets, indicators, reasons);
    }

    /** Adds the dataset's indicators; returns the months reported for {@code all}. */
    private static int trade(Quarter period, TradeFigures figures, List<Indicator> out) {
        Dataset dataset = figures.dataset();
        TradeSeries total = TradeSeries.of(figures, Indicator.ALL);
        BigDecimal totalQuantity = total.quantity(period);
        List<String> categories = new ArrayList<>();
        categories.add(Indicator.ALL);
        categories.addAll(figures.categories());
        for (String category : categories) {
            TradeSeries series = Indicator.ALL.equals(category) ? total : TradeSeries.of(figures, category);
            BigDecimal quantity = series.quantity(period);
            BigDecimal ytd = series.yearToDate(period);
            BigDecimal ytdValue = series.valueYearToDate(period);
            for (IndicatorName name : TRADE_INDICATORS) {
                BigDecimal value = switch (name) {
                    case QUANTITY_T -> quantity;
                    case VALUE_USD -> series.value(period);
                    case QOQ_PCT -> change(quantity, series.quantity(period.previous()));
                    case YOY_PCT -> change(quantity, series.quantity(period.yearEarlier()));
                    case YTD_QUANTITY_T -> ytd;
                    case YTD_YOY_PCT -> change(ytd, series.yearToDate(period.yearEarlier()));
                    case SHARE_PCT -> share(quantity, totalQuantity);
                    case UNIT_VALUE_USD_PER_T -> series.unitValue(period);
                    case MONTHS_REPORTED -> BigDecimal.valueOf(series.monthsReported(period));
                    case ZERO_MONTHS -> BigDecimal.valueOf(series.zeroMonths(period));
                    case ZERO_STREAK_MONTHS -> BigDecimal.valueOf(series.zeroStreak(period));
                    case TRAILING_4Q_QUANTITY_T -> series.trailingFourQuarters(period);
                    case YTD_VALUE_USD -> ytdValue;
                    case YTD_VALUE_YOY_PCT -> change(ytdValue, series.valueYearToDate(period.yearEarlier()));
                    default -> throw new IllegalStateException(name + " is not a trade indicator");
                };
                if (name != SHARE_PCT || !Indicator.ALL.equals(category)) {
                    out.add(new Indicator(dataset, category, name, value));
                }
            }
        }
        return total.monthsReported(period);
    }

    /** Adds the labor indicators; returns the months reported for {@code all}. */
    private static int labor(Quarter period, Dataset dataset, LaborFigures figures, List<Indicator> out) {
        List<String> locations = new ArrayList<>();
        locations.add(Indicator.ALL);
        locations.addAll(figures.locations());
        for (String location : locations) {
            boolean all = Indicator.ALL.equals(location);
            NavigableMap<YearMonth, LaborMonth> months = all ? figures.totals() : figures.monthsOf(location);
            List<LaborMonth> quarter = in(months, period);
            BigDecimal entering = workersEntering(quarter);
            BigDecimal employed;
            if (all) {
                // The latest month per location, summed: the totals' latest month would miss a
                // location that reported earlier in the quarter.
                employed = figures.locations().stream()
                        .map(l -> workersEmployed(figures.monthsOf(l), period))
                        .filter(Objects::nonNull).reduce(BigDecimal::add).orElse(null);
            } else {
                employed = workersEmployed(months, period);
            }
            LaborMonth sums = quarter.stream().reduce(LaborMonth.EMPTY, LaborMonth::plus);
            out.add(new Indicator(dataset, location, MONTHS_REPORTED, BigDecimal.valueOf(quarter.size())));
            out.add(new Indicator(dataset, location, WORKERS_ENTERING, entering));
            out.add(new Indicator(dataset, location, WORKERS_ENTERING_YOY_PCT,
                    change(entering, workersEntering(in(months, period.yearEarlier())))));
            out.add(new Indicator(dataset, location, WORKERS_EMPLOYED, employed));
            out.add(new Indicator(dataset, location, WAGE_USD, mean(sums.wageUsdSum(), sums.wageUsdRows())));
            out.add(new Indicator(dataset, location, WAGE_RATIO_PCT,
                    mean(sums.wageRatioSum(), sums.wageRatioRows())));
        }
        return in(figures.totals(), period).size();
    }

    private static <T> List<T> in(NavigableMap<YearMonth, T> months, Quarter quarter) {
        return List.copyOf(months.subMap(quarter.firstMonth(), true, quarter.lastMonth(), true).values());
    }

    private static BigDecimal workersEntering(List<LaborMonth> months) {
        return months.stream().map(LaborMonth::workersEntering).filter(Objects::nonNull)
                .map(BigDecimal::valueOf).reduce(BigDecimal::add).orElse(null);
    }

    /** The value of the quarter's latest month that has one, by month. */
    private static BigDecimal workersEmployed(NavigableMap<YearMonth, LaborMonth> months, Quarter quarter) {
        return months.subMap(quarter.firstMonth(), true, quarter.lastMonth(), true).descendingMap().values()
                .stream().map(LaborMonth::workersEmployed).filter(Objects::nonNull)
                .findFirst().map(BigDecimal::valueOf).orElse(null);
    }

    private static BigDecimal mean(BigDecimal sum, int count) {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
    }

    /** (current − base) / base × 100; {@code null} when either is undefined or the base is 0. */
    static BigDecimal change(BigDecimal current, BigDecimal base) {
        if (current == null || base == null || base.signum() == 0) {
            return null;
        }
        // Multiply before dividing so the result is rounded once.
        return current.subtract(base).multiply(HUNDRED).divide(base, MathContext.DECIMAL64);
    }

    /** part / whole × 100; {@code null} when either is undefined or the whole is 0. */
    static BigDecimal share(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, MathContext.DECIMAL64);
    }
}
