package org.dprktrade.briefing.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, written {@code 2014-Q3}. Parsing also accepts {@code 2014q3} and {@code 2014Q3}.
 * Immutable and thread-safe.
 */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

    private static final Pattern FORM = Pattern.compile("(\\d{4})-?[qQ]([0-9]+)");

    public Quarter {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is not a four-digit year");
        }
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter " + quarter + " is not 1 to 4");
        }
    }

    /**
     * Parses {@code 2014-Q3}, {@code 2014q3} or {@code 2014Q3}.
     *
     * @throws IllegalArgumentException with a one-line message naming the text and the expected form
     */
    public static Quarter parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher m = FORM.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + trimmed + "' is not a quarter: expected YYYY-Qn, e.g. 2014-Q3");
        }
        int q = Integer.parseInt(m.group(2));
        if (q < 1 || q > 4) {
            throw new IllegalArgumentException(
                    "'" + trimmed + "' is not a quarter: the quarter number must be 1 to 4");
        }
        return new Quarter(Integer.parseInt(m.group(1)), q);
    }

    public static Quarter of(YearMonth month) {
        return new Quarter(month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
    }

    public static Quarter containing(LocalDate date) {
        return of(YearMonth.from(date));
    }

    /**
     * The quarter that has most recently ended at {@code now} in {@code zone}: what {@code --period latest}
     * means, and what a scheduled fire at that moment runs (docs/commands.md).
     */
    public static Quarter latestEnded(Instant now, ZoneId zone) {
        return containing(now.atZone(zone).toLocalDate()).previous();
    }

    public YearMonth firstMonth() {
        return YearMonth.of(year, (quarter - 1) * 3 + 1);
    }

    public YearMonth lastMonth() {
        return firstMonth().plusMonths(2);
    }

    /** The quarter's three months in calendar order. */
    public List<YearMonth> months() {
        YearMonth first = firstMonth();
        return List.of(first, first.plusMonths(1), first.plusMonths(2));
    }

    public boolean contains(YearMonth month) {
        return of(month).equals(this);
    }

    public Quarter plusQuarters(int n) {
        int index = year * 4 + (quarter - 1) + n;
        return new Quarter(Math.floorDiv(index, 4), Math.floorMod(index, 4) + 1);
    }

    public Quarter previous() {
        return plusQuarters(-1);
    }

    public Quarter next() {
        return plusQuarters(1);
    }

    /** The same quarter one year earlier. */
    public Quarter yearEarlier() {
        return new Quarter(year - 1, quarter);
    }

    /** The first day after the quarter: the quarter has ended on or after this date. */
    public LocalDate endExclusive() {
        return lastMonth().plusMonths(1).atDay(1);
    }

    public boolean hasEndedBy(LocalDate today) {
        return !today.isBefore(endExclusive());
    }

    @Override
    public int compareTo(Quarter other) {
        return Integer.compare(year * 4 + quarter, other.year * 4 + other.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
