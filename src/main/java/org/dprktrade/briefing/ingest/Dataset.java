package org.dprktrade.briefing.ingest;

import static org.dprktrade.briefing.ingest.Column.*;

import java.util.List;
import java.util.Locale;

/** The four datasets, each with the columns its workbook must and may carry (docs/inputs.md). */
public enum Dataset {
    GRAIN("grain", COMMODITY, List.of(MONTH, COMMODITY, QUANTITY_T), List.of(VALUE_USD, SOURCE, NOTE)),
    FERTILIZER("fertilizer", PRODUCT, List.of(MONTH, PRODUCT, QUANTITY_T), List.of(VALUE_USD, SOURCE, NOTE)),
    LABOR("labor", LOCATION, List.of(MONTH, LOCATION),
            List.of(WORKERS_ENTERING, WORKERS_EMPLOYED, WAGE, WAGE_LOCAL, CURRENCY, SOURCE, NOTE)),
    OIL("oil", PRODUCT, List.of(MONTH, PRODUCT, QUANTITY, UNIT), List.of(VALUE_USD, SOURCE, NOTE));

    private final String id;
    private final Column categoryColumn;
    private final List<Column> required;
    private final List<Column> optional;

    Dataset(String id, Column categoryColumn, List<Column> required, List<Column> optional) {
        this.id = id;
        this.categoryColumn = categoryColumn;
        this.required = required;
        this.optional = optional;
    }

    /** Lower-case name used in file names, sheet names, configuration and outputs. */
    public String id() {
        return id;
    }

    public Column categoryColumn() {
        return categoryColumn;
    }

    public List<Column> requiredColumns() {
        return required;
    }

    public List<Column> optionalColumns() {
        return optional;
    }

    public boolean isTrade() {
        return this != LABOR;
    }

    public static Dataset fromId(String id) {
        for (Dataset d : values()) {
            if (d.id.equals(id.toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + id + "': expected grain, fertilizer, labor or oil");
    }

    @Override
    public String toString() {
        return id;
    }
}
