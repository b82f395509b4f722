package org.dprktrade.briefing.delivery;

import java.util.List;
import java.util.Objects;

/**
 * One row of the quarter-at-a-glance table the mail carries, already formatted as the PDF shows it
 * ({@code 67,916}, {@code +18.6}, {@code n/a}), so a reader on a phone has the figures without opening
 * the attachment.
 *
 * @param dataset         the dataset as readers know it ({@code Grain})
 * @param measure         what the figures count ({@code tonnes}, {@code workers entering})
 * @param quarter         the quarter's figure
 * @param changeOnQuarter change on the previous quarter, in %
 * @param changeOnYear    change on the same quarter a year earlier, in %
 * @param yearToDate      January to the end of the quarter
 */
public record FigureRow(String dataset, String measure, String quarter, String changeOnQuarter, String changeOnYear,
                        String yearToDate) {

    /** The column headings, in the order of the fields. */
    public static final List<String> HEADINGS = List.of("Dataset", "Measure", "This quarter", "Change on quarter (%)",
            "Change on year (%)", "Year to date");

    public FigureRow {
        Objects.requireNonNull(dataset, "dataset");
        measure = Objects.requireNonNullElse(measure, "");
        quarter = Objects.requireNonNullElse(quarter, "");
        changeOnQuarter = Objects.requireNonNullElse(changeOnQuarter, "");
        changeOnYear = Objects.requireNonNullElse(changeOnYear, "");
        yearToDate = Objects.requireNonNullElse(yearToDate, "");
    }

    public List<String> cells() {
        return List.of(dataset, measure, quarter, changeOnQuarter, changeOnYear, yearToDate);
    }

    /** One line, tab-separated, as the job keeps it for a later {@code deliver}; tabs in fields become spaces. */
    public String toLine() {
        return String.join("\t", cells().stream().map(c -> c.replace('\t', ' ').replace('\n', ' ')).toList());
    }

    /** The inverse of {@link #toLine()}. */
    public static FigureRow fromLine(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("a figure row has 6 fields, not " + f.length + ": " + line);
        }
        return new FigureRow(f[0], f[1], f[2], f[3], f[4], f[5]);
    }
}
