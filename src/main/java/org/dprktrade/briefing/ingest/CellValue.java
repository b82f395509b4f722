package org.dprktrade.briefing.ingest;

import java.util.Objects;

/**
 * One cell as stored in the sheet XML, before any rule is applied.
 *
 * @param kind          what the cell holds
 * @param raw           the text as stored: for numbers the exact decimal string of {@code <v>} (never
 *                      formatted), for text the string itself, for booleans {@code 1}/{@code 0}, for errors
 *                      the error code ({@code #DIV/0!}); empty for {@link Kind#BLANK} and
 *                      {@link Kind#FORMULA_NO_VALUE}
 * @param dateFormatted whether the cell's style has a date number format
 */
public record CellValue(Kind kind, String raw, boolean dateFormatted) {

    /** What a cell holds. */
    public enum Kind {
        NUMBER, TEXT, BOOLEAN, ERROR,
        /** A formula cell whose cached result is absent (files from generators that do not calculate). */
        FORMULA_NO_VALUE,
        BLANK
    }

    public static final CellValue BLANK = new CellValue(Kind.BLANK, "", false);

    public CellValue {
        Objects.requireNonNull(kind, "kind");
        raw = raw == null ? "" : raw;
    }

    /** Blank, or text of nothing but white space. */
    public boolean isBlank() {
        return kind == Kind.BLANK || (kind == Kind.TEXT && raw.isBlank());
    }
}
