package org.dprktrade.briefing.ingest;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One data row below the header, cells addressed by logical column.
 *
 * @param row      1-based row number as a spreadsheet program shows it
 * @param cells    the cells of the dataset's mapped columns; a column without a cell is absent
 * @param rawTexts the raw text of every cell of the row by column position (A = 0), mapped or not,
 *                 blank cells as empty strings and trailing blanks dropped: what duplicate detection
 *                 compares
 */
public record SheetRow(long row, Map<Column, CellValue> cells, List<String> rawTexts) {

    public SheetRow {
        if (row < 1) {
            throw new IllegalArgumentException("row must be 1 or more: " + row);
        }
        // an EnumMap copy: a few array stores, and lookups by ordinal (a row is built for every sheet row)
        Objects.requireNonNull(cells, "cells");
        cells = Collections.unmodifiableMap(cells.isEmpty() ? new EnumMap<>(Column.class) : new EnumMap<>(cells));
        cells.values().forEach(v -> Objects.requireNonNull(v, "cell value"));
        rawTexts = List.copyOf(Objects.requireNonNull(rawTexts, "rawTexts"));
    }

    /** The cell of a column, {@link CellValue#BLANK} where the row has none. */
    public CellValue cell(Column column) {
        return cells.getOrDefault(column, CellValue.BLANK);
    }
}
