package org.dprktrade.briefing.ingest;

import java.util.Objects;

/**
 * One rejected row or warning, located as a spreadsheet user would find it.
 *
 * @param file   the workbook's file name
 * @param sheet  the sheet read
 * @param row    1-based row number as a spreadsheet program shows it; 0 for a problem of the whole file
 * @param column the logical column's name (e.g. {@code quantity_t}), or empty for the whole row
 * @param value  the offending cell text as read, or empty
 */
public record RowProblem(String file, String sheet, long row, String column, Severity severity,
                         String problem, String value) {

    public RowProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(problem, "problem");
        sheet = sheet == null ? "" : sheet;
        column = column == null ? "" : column;
        value = value == null ? "" : value;
        if (row < 0) {
            throw new IllegalArgumentException("row must be 0 or more: " + row);
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * One line for a terminal: {@code grain.xlsx, sheet grain, row 12, column quantity_t: negative number (-5)},
     * control characters shown as escapes.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(file);
        if (!sheet.isEmpty()) {
            sb.append(", sheet ").append(sheet);
        }
        if (row > 0) {
            sb.append(", row ").append(row);
        }
        if (!column.isEmpty()) {
            sb.append(", column ").append(column);
        }
        sb.append(": ").append(severity.label()).append(": ").append(visible(problem));
        if (!value.isEmpty()) {
            sb.append(" ('").append(visible(value)).append("')");
        }
        return sb.toString();
    }

    /**
     * Control characters written out as escapes (a backslash and n, or u and four hex digits): a cell's line
     * break would split the line, and an escape sequence would drive the user's terminal.
     */
    static String visible(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isISOControl(c)) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return sb == null ? text : sb.toString();
    }
}
