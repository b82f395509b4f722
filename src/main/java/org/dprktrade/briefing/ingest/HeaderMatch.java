package org.dprktrade.briefing.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.stream.XMLStreamException;

/**
 * Header matching: the first row holding all of a dataset's required columns (a trade dataset's
 * {@code quantity_t}, or {@code quantity} with {@code unit}), each header cell matched to a logical column
 * by name or alias (case, spaces, underscores and punctuation ignored), ties between a column's own name
 * and an alias decided for the name, other ties refused.
 *
 * @param row              1-based row number of the header row
 * @param texts            its non-blank cell texts, left to right
 * @param quantityInUnits  whether trade quantities come as {@code quantity} + {@code unit}
 * @param columnsByPosition the logical column of each matched cell position (A = 0)
 */
record HeaderMatch(long row, List<String> texts, boolean quantityInUnits, Map<Integer, Column> columnsByPosition) {

    /** The sheet's rows as the reader parses them, for the header search. */
    interface RawRows {
        SheetRowReader.RawRow next() throws XMLStreamException;
    }

    /** A header cell that matches a column, and whether it is the column's own name (not only an alias). */
    private record HeaderCandidate(int position, String text, boolean ownName) { }

    static HeaderMatch find(Path file, String sheetName, Dataset dataset, IngestProperties props, RawRows rows)
            throws XMLStreamException {
        List<Column> required = dataset.requiredColumns();
        List<Column> inUnits = new ArrayList<>(required);
        inUnits.remove(Column.QUANTITY_T);
        inUnits.addAll(Shape.QUANTITY_IN_UNITS);
        List<Column> relevant = new ArrayList<>(required);
        relevant.addAll(dataset.optionalColumns());
        if (dataset.isTrade()) {
            relevant.addAll(Shape.QUANTITY_IN_UNITS);
        }
        Map<Column, Set<String>> aliases = new EnumMap<>(Column.class);
        for (Column c : relevant) {
            Set<String> normalised = new LinkedHashSet<>();
            normalised.add(Column.normaliseHeader(dataset.header(c)));
            props.aliasesOf(dataset, c).forEach(a -> normalised.add(Column.normaliseHeader(a)));
            aliases.put(c, normalised);
        }
        List<String> bestTexts = null;
        long bestRow = 0;
        int bestFound = -1;
        SheetRowReader.RawRow raw;
        while ((raw = rows.next()) != null) {
            List<String> texts = texts(raw);
            if (texts.isEmpty()) {
                continue;
            }
            Map<Column, List<HeaderCandidate>> candidates = new EnumMap<>(Column.class);
            for (SheetRowReader.RawCell cell : raw.cells()) {
                String text = cell.value().raw().strip();
                String normalised = Column.normaliseHeader(text);
                if (cell.value().isBlank() || normalised.isEmpty()) {
                    continue;
                }
                for (Column c : relevant) {
                    if (aliases.get(c).contains(normalised)) {
                        boolean own = normalised.equals(Column.normaliseHeader(dataset.header(c)));
                        candidates.computeIfAbsent(c, k -> new ArrayList<>())
                                .add(new HeaderCandidate(cell.position(), text, own));
                    }
                }
            }
            // quantity + unit, unless the row names quantity_t itself: then unit is an extra column
            boolean units = dataset.isTrade() && candidates.keySet().containsAll(Shape.QUANTITY_IN_UNITS)
                    && candidates.getOrDefault(Column.QUANTITY_T, List.of()).stream().noneMatch(HeaderCandidate::ownName);
            List<Column> form = units ? inUnits : required;
            int found = (int) form.stream().filter(candidates::containsKey).count();
            if (found == form.size()) {
                if (units) {
                    candidates.remove(Column.QUANTITY_T);
                } else {
                    Shape.QUANTITY_IN_UNITS.forEach(candidates::remove);
                }
                return new HeaderMatch(raw.row(), List.copyOf(texts), units,
                        resolve(file, sheetName, raw.row(), dataset, candidates));
            }
            found = (int) required.stream().filter(candidates::containsKey).count();
            if (found > bestFound) {
                bestFound = found;
                bestTexts = texts;
                bestRow = raw.row();
            }
        }
        String wanted = required.stream().map(dataset::header).collect(Collectors.joining(", "))
                + (dataset.isTrade() ? " (or quantity and unit)" : "");
        String found = bestTexts == null
                ? "nothing (sheet " + sheetName + " is empty)"
                : String.join(", ", bestTexts) + " (sheet " + sheetName + ", row " + bestRow + ")";
        throw new InputFileException(file, "required columns " + wanted + "; found: " + found);
    }

    /**
     * Picks one header cell per column. Where two cells match the same column, the one spelling the
     * column's own name wins over one that is only an alias: a grain sheet with both {@code quantity_t}
     * and {@code quantity} has declared its tonnes column by name, and the other is then an extra
     * column (e.g. a quantity in another unit). Any other tie is ambiguous and fails the file, since
     * guessing could read the wrong figures without anyone noticing.
     */
    private static Map<Integer, Column> resolve(Path file, String sheetName, long headerRow, Dataset dataset,
                                                Map<Column, List<HeaderCandidate>> candidates) {
        Map<Integer, Column> byPosition = new HashMap<>();
        for (Map.Entry<Column, List<HeaderCandidate>> e : candidates.entrySet()) {
            Column column = e.getKey();
            List<HeaderCandidate> all = e.getValue();
            List<HeaderCandidate> own = all.stream().filter(HeaderCandidate::ownName).toList();
            HeaderCandidate chosen;
            if (all.size() == 1) {
                chosen = all.get(0);
            } else if (own.size() == 1) {
                chosen = own.get(0);
            } else {
                throw ambiguous(file, sheetName, headerRow, dataset.header(column), (own.isEmpty() ? all : own).stream().map(HeaderCandidate::text).toList());
            }
            Column previous = byPosition.put(chosen.position(), column);
            if (previous != null) {
                throw new InputFileException(file, "ambiguous header in sheet " + sheetName + ", row " + headerRow
                        + ": '" + chosen.text() + "' matches both " + dataset.header(previous) + " and " + dataset.header(column)
                        + " (check briefing.ingest.header-aliases)");
            }
        }
        return Map.copyOf(byPosition);
    }

    private static InputFileException ambiguous(Path file, String sheetName, long headerRow, String column,
                                                List<String> texts) {
        return new InputFileException(file, "ambiguous header in sheet " + sheetName + ", row " + headerRow + ": "
                + texts.stream().map(t -> "'" + t + "'").collect(Collectors.joining(" and "))
                + (texts.size() == 2 ? " both mean " : " all mean ") + column + "; rename or remove one");
    }

    private static List<String> texts(SheetRowReader.RawRow raw) {
        List<String> texts = new ArrayList<>();
        for (SheetRowReader.RawCell cell : raw.cells()) {
            if (!cell.value().isBlank()) {
                texts.add(cell.value().raw().strip());
            }
        }
        return texts;
    }
}
