package org.dprktrade.briefing.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.dprktrade.briefing.indicators.IndicatorName;

/**
 * How numbers, times and input text look in the reports, in one place so that the PDF, the workbook
 * and the CSV files agree. Formatting is pinned to {@link Locale#ENGLISH} whatever the machine's
 * locale: {@code 54,893}, {@code 46.6%}. Undefined values are shown {@value #NOT_AVAILABLE}, never 0.
 * Stateless and thread-safe.
 */
public final class Formats {

    /** Shown for an undefined value (a percentage on a zero base, a unit value with no valued tonnage). */
    public static final String NOT_AVAILABLE = "n/a";

    /** The most characters a spreadsheet cell holds. */
    public static final int MAX_CELL_CHARS = 32_767;

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx",
            Locale.ENGLISH);

    private Formats() {
    }

    /**
     * The machine-readable form used in CSV: at most 4 decimals (half up), trailing zeros dropped,
     * never an exponent ({@code 1E+2} is written {@code 100}); empty for {@code null}.
     */
    public static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal rounded = value.setScale(4, RoundingMode.HALF_UP);
        return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
    }

    /**
     * The value as a reader sees it, with thousands separators and the indicator's unit where it is a
     * percentage: {@code 54,893}, {@code 46.6%}, {@code 412.35} (USD/t), {@code n/a}.
     */
    public static String display(BigDecimal value, IndicatorName name) {
        if (value == null) {
            return NOT_AVAILABLE;
        }
        return switch (name.unit()) {
            case "%" -> decimal("#,##0.0").format(value) + "%";
            case "USD/t" -> decimal("#,##0.00").format(value);
            default -> decimal("#,##0").format(value);
        };
    }

    /** A number with thousands separators and exactly {@code decimals} decimals (half up): {@code 46.6}. */
    public static String number(BigDecimal value, int decimals) {
        if (value == null) {
            return NOT_AVAILABLE;
        }
        return decimal(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals)).format(value);
    }

    /**
     * A change with its sign, as rounded for display: {@code +125.4}, {@code -64.6}, and {@code 0.0}
     * for anything that rounds to zero (never {@code -0.0}); {@code n/a} for {@code null}.
     */
    public static String signed(BigDecimal value, int decimals) {
        if (value == null) {
            return NOT_AVAILABLE;
        }
        int sign = roundedSign(value, decimals);
        String digits = number(value.abs(), decimals);
        return sign > 0 ? "+" + digits : sign < 0 ? "-" + digits : digits;
    }

    /** The sign of the value once rounded to {@code decimals} decimals: -0.04 at one decimal is 0. */
    public static int roundedSign(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_UP).signum();
    }

    /** Whether the indicator is a change over time, shown with its direction. */
    public static boolean isChange(IndicatorName name) {
        return switch (name) {
            case QOQ_PCT, YOY_PCT, YTD_YOY_PCT, YTD_VALUE_YOY_PCT, WORKERS_ENTERING_YOY_PCT -> true;
            default -> false;
        };
    }

    /** A whole number with thousands separators, {@code n/a} for {@code null}. */
    public static String integer(BigDecimal value) {
        return value == null ? NOT_AVAILABLE : decimal("#,##0").format(value);
    }

    /** A count with thousands separators: {@code 1,204}. */
    public static String count(long value) {
        return decimal("#,##0").format(value);
    }

    /** The Excel number format of an indicator; percentages are stored as fractions (see {@link #excelValue}). */
    public static String excelFormat(IndicatorName name) {
        return switch (name.unit()) {
            case "%" -> "0.0%";
            case "USD/t" -> "#,##0.00";
            default -> "#,##0";
        };
    }

    /** The number stored in an Excel cell: percentages divided by 100 so that {@code 0.0%} shows 46.6%. */
    public static double excelValue(BigDecimal value, IndicatorName name) {
        return name.isPercentage() ? value.movePointLeft(2).doubleValue() : value.doubleValue();
    }

    /** A generation or run time: {@code 2014-10-10 06:00 +09:00}. */
    public static String dateTime(OffsetDateTime time) {
        return DATE_TIME.format(time);
    }

    /**
     * Text from the inputs made safe for a spreadsheet cell or a PDF line: control characters other
     * than tab and line feed removed (they are not allowed in XML and show as boxes), and cut to
     * {@link #MAX_CELL_CHARS} with a trailing ellipsis.
     */
    public static String cellText(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_CELL_CHARS));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || !(Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF')) {
                sb.append(c);
            }
        }
        if (sb.length() > MAX_CELL_CHARS) {
            int cut = MAX_CELL_CHARS - 1;
            if (Character.isHighSurrogate(sb.charAt(cut - 1))) {
                cut--; // never split a surrogate pair
            }
            sb.setLength(cut);
            sb.append('…');
        }
        return sb.toString();
    }

    /** DecimalFormat is not thread-safe, so each call makes its own: cheap next to writing a report. */
    private static DecimalFormat decimal(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, SYMBOLS);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
