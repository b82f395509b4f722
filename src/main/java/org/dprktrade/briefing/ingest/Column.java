package org.dprktrade.briefing.ingest;

import java.util.List;
import java.util.Locale;

/**
 * The logical columns of the input workbooks. Cells are always addressed through these, never by
 * position: the header row is matched once to columns through their aliases.
 */
public enum Column {
    MONTH("month", "month", "period", "date"),
    COMMODITY("commodity", "commodity", "product", "item", "category"),
    PRODUCT("product", "commodity", "product", "item", "category"),
    LOCATION("location", "location"),
    /** A category column by another name ({@code category-column: species}); its header comes from the dataset. */
    CATEGORY("category"),
    QUANTITY_T("quantity_t", "quantity_t", "quantity (t)", "tonnes", "tons", "quantity"),
    QUANTITY("quantity", "quantity"),
    UNIT("unit", "unit", "units"),
    VALUE_USD("value_usd", "value_usd", "value (usd)", "usd", "value"),
    WORKERS_ENTERING("workers_entering", "workers_entering"),
    WORKERS_EMPLOYED("workers_employed", "workers_employed"),
    WAGE("wage", "wage"),
    WAGE_LOCAL("wage_local", "wage_local"),
    CURRENCY("currency", "currency"),
    SOURCE("source", "source"),
    NOTE("note", "note");

    private final String header;
    private final List<String> defaultAliases;

    Column(String header, String... defaultAliases) {
        this.header = header;
        this.defaultAliases = List.of(defaultAliases);
    }

    /** The name docs/inputs.md and the outputs use, e.g. {@code quantity_t}. */
    public String header() {
        return header;
    }

    /** Header texts that mean this column unless configuration says otherwise. */
    public List<String> defaultAliases() {
        return defaultAliases;
    }

    /**
     * The form header texts are compared in: lower case, without spaces, underscores, brackets and
     * punctuation, so {@code "Quantity (t)"} and {@code quantity_t} meet as {@code quantityt}.
     */
    public static String normaliseHeader(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.toLowerCase(Locale.ROOT).codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
