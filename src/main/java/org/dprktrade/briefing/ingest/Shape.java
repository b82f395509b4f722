package org.dprktrade.briefing.ingest;

import static org.dprktrade.briefing.ingest.Column.*;

import java.util.List;

/**
 * What a dataset's workbook holds, and so which reader rules, calculator and writers apply: the one
 * place a third kind of dataset would be added.
 */
public enum Shape {
    /** Monthly quantities by category: {@code quantity_t}, or {@code quantity} + {@code unit} converted to tonnes. */
    TRADE(List.of(QUANTITY_T), List.of(VALUE_USD, SOURCE, NOTE)),
    /** Workers and wages by location. */
    LABOR(List.of(), List.of(WORKERS_ENTERING, WORKERS_EMPLOYED, WAGE, WAGE_LOCAL, CURRENCY, SOURCE, NOTE));

    /** The quantity given in any unit, with its unit column: the alternative to {@code quantity_t} for trade. */
    public static final List<Column> QUANTITY_IN_UNITS = List.of(QUANTITY, UNIT);

    private final List<Column> required;
    private final List<Column> optional;

    Shape(List<Column> required, List<Column> optional) {
        this.required = required;
        this.optional = optional;
    }

    /** Required columns besides {@code month} and the category column. */
    List<Column> required() {
        return required;
    }

    List<Column> optional() {
        return optional;
    }

    /** The lower-case name configuration uses. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
