package org.dprktrade.briefing.report;

import org.dprktrade.briefing.indicators.IndicatorName;
import org.dprktrade.briefing.indicators.QuarterIndicators;
import org.dprktrade.briefing.period.Quarter;

/** The fixed wording every output shares: title, generation line, provisional mark. Stateless. */
public final class ReportTitles {

    private ReportTitles() {
    }

    /** {@code DPRK–China trade: quarterly briefing, 2014-Q3}. */
    public static String title(Quarter period) {
        return "DPRK\u2013China trade: quarterly briefing, " + period;
    }

    /** {@code Generated 2014-10-10 06:00 +09:00, run 42}. */
    public static String generated(Briefing briefing) {
        return "Generated " + Formats.dateTime(briefing.generatedAt()) + ", run " + briefing.runId();
    }

    /**
     * A category slug as readers know it, for the PDF and the charts: {@code all} → "total",
     * {@code crude_oil} → "crude oil", {@code lpg} → "LPG", {@code kerosene} → "jet fuel (kerosene)".
     * Korean or Chinese names stay as they are. The workbook and the CSV keep the slugs.
     */
    public static String category(String slug) {
        return switch (slug) {
            case "all" -> "total";
            case "kerosene" -> "jet fuel (kerosene)";
            case "lpg" -> "LPG";
            default -> slug.replace('_', ' ');
        };
    }

    /** A short column label with the unit: {@code Change on quarter (%)}. */
    public static String label(IndicatorName name) {
        return switch (name) {
            case QUANTITY_T -> "Quantity (t)";
            case VALUE_USD -> "Value (USD)";
            case QOQ_PCT -> "Change on quarter (%)";
            case YOY_PCT -> "Change on year (%)";
            case YTD_QUANTITY_T -> "Year to date (t)";
            case YTD_YOY_PCT -> "Year to date, change on year (%)";
            case SHARE_PCT -> "Share (%)";
            case UNIT_VALUE_USD_PER_T -> "Unit value (USD/t)";
            case MONTHS_REPORTED -> "Months reported";
            case ZERO_MONTHS -> "Months reported as zero";
            case ZERO_STREAK_MONTHS -> "Zero streak (months)";
            case TRAILING_4Q_QUANTITY_T -> "Last four quarters (t)";
            case YTD_VALUE_USD -> "Value year to date (USD)";
            case YTD_VALUE_YOY_PCT -> "Value year to date, change on year (%)";
            case WORKERS_ENTERING -> "Workers entering";
            case WORKERS_ENTERING_YOY_PCT -> "Workers entering, change on year (%)";
            case WORKERS_EMPLOYED -> "Workers employed";
            case WAGE_USD -> "Mean wage (USD a month)";
            case WAGE_RATIO_PCT -> "DPRK/local wage (%)";
        };
    }

    /** The indicator's definition in one line, as docs/indicators.md gives it. */
    public static String definition(IndicatorName name) {
        return switch (name) {
            case QUANTITY_T -> "Sum of the quarter's monthly quantities, in tonnes.";
            case VALUE_USD -> "Sum of the quarter's values in US dollars, where any row of the quarter has one.";
            case QOQ_PCT -> "(this quarter - previous quarter) / previous quarter x 100.";
            case YOY_PCT -> "(this quarter - same quarter a year earlier) / same quarter a year earlier x 100.";
            case YTD_QUANTITY_T -> "Sum of quantities from January to the end of the quarter, in tonnes.";
            case YTD_YOY_PCT -> "Year to date against the same months a year earlier, in %.";
            case SHARE_PCT -> "Category quantity / dataset total quantity x 100 (categories only).";
            case UNIT_VALUE_USD_PER_T -> "Total value / total quantity of the quarter's rows that have a value; "
                    + "undefined where that quantity is 0.";
            case MONTHS_REPORTED -> "Months of the quarter with at least one valid row (0-3).";
            case ZERO_MONTHS -> "Months of the quarter reported with quantity exactly 0 (for all: the dataset's monthly total).";
            case ZERO_STREAK_MONTHS -> "Consecutive reported-zero months ending with the quarter's last month; "
                    + "may reach back across quarters; a month with no row ends the streak.";
            case TRAILING_4Q_QUANTITY_T -> "Sum of this and the three previous quarters, in tonnes.";
            case YTD_VALUE_USD -> "Sum of values in US dollars from January to the end of the quarter, over the rows "
                    + "that have one.";
            case YTD_VALUE_YOY_PCT -> "Value year to date against the same months a year earlier, in %.";
            case WORKERS_ENTERING -> "Workers entering China: sum over the quarter's months.";
            case WORKERS_ENTERING_YOY_PCT -> "Workers entering against the same quarter a year earlier, in %.";
            case WORKERS_EMPLOYED -> "Per location, the value of the latest month of the quarter that has one; "
                    + "summed over locations for all.";
            case WAGE_USD -> "Mean monthly wage in US dollars over the rows with a convertible wage "
                    + "(for all: over all such rows, not a mean of location means).";
            case WAGE_RATIO_PCT -> "Mean of wage / local wage x 100 over rows with both, in the same currency.";
        };
    }

    /** {@code PROVISIONAL: oil: 2 of 3 months reported; ...}, or empty when the quarter is final. */
    public static String provisional(QuarterIndicators indicators) {
        return indicators.provisional() ? "PROVISIONAL: " + String.join("; ", indicators.provisionalReasons()) : "";
    }
}
