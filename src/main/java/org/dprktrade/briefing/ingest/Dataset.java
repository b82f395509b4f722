package org.dprktrade.briefing.ingest;

import static org.dprktrade.briefing.ingest.Column.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One dataset as configuration defines it ({@code briefing.datasets.<id>}, SPEC section 7): where its
 * workbook is, what it holds and how outputs name it. The one reader, calculator and writer of its
 * {@link Shape} take it as a parameter; nothing branches on a particular dataset. Immutable; two
 * definitions are the same dataset when their ids are equal.
 *
 * @param id              lower-case slug: the {@code dataset} column of the CSVs, the sheet looked for, the step name
 * @param file            workbook, relative to the input folder unless absolute
 * @param title           heading in the PDF and the workbook
 * @param flow            the wording of sentences ("exports rose …")
 * @param categoryHeader  header of the category column, e.g. {@code product}
 * @param knownCategories categories expected; others are kept and warned about (none: no warnings)
 * @param categoryAliases raw names per category slug, for this dataset only (the global ones apply too)
 * @param displayNames    what the PDF, the workbook's labels, the email and the console show for a slug
 * @param required        whether a missing workbook fails the run; an optional one is left out with a warning
 */
public record Dataset(String id, String file, Shape shape, String title, Flow flow, String categoryHeader,
                      List<String> knownCategories, Map<String, List<String>> categoryAliases,
                      Map<String, String> displayNames, boolean required) {

    /** A lower-case slug: what an id must be to name files, sheets, CSV rows and step names safely. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    /** Header texts that mean the category column of any trade dataset (SPEC section 2). */
    private static final List<String> TRADE_CATEGORY_ALIASES = List.of("commodity", "product", "item", "category");

    public static final Dataset GRAIN = trade("grain", "Grain", Flow.IMPORT, "commodity",
            List.of("flour", "rice", "corn", "barley", "soybean", "other"),
            Map.of("flour", "Wheat flour", "corn", "Corn"), true);
    public static final Dataset FERTILIZER = trade("fertilizer", "Fertilizer", Flow.IMPORT, "product",
            List.of("urea", "ammonium_sulfate", "potash", "compound", "other"),
            Map.of(), true);
    public static final Dataset LABOR = new Dataset("labor", "labor.xlsx", Shape.LABOR, "Labor", Flow.IMPORT,
            "location", List.of(), Map.of(), Map.of(), true);
    public static final Dataset OIL = trade("oil", "Oil", Flow.IMPORT, "product",
            List.of("crude_oil", "gasoline", "diesel", "kerosene", "fuel_oil", "lpg", "lubricants", "other"),
            Map.of("crude_oil", "Crude oil", "kerosene", "Jet fuel", "lpg", "LPG", "fuel_oil", "Fuel oil",
                    "diesel", "Diesel", "gasoline", "Gasoline"), true);
    /** The sample fifth dataset: anthracite and iron ore exports to China (REPORTED-FIGURES.md). */
    public static final Dataset MINERALS = trade("minerals", "Minerals exports", Flow.EXPORT, "commodity",
            List.of("anthracite", "iron_ore", "other"), Map.of("anthracite", "Anthracite", "iron_ore", "Iron ore"),
            false);

    /** The four datasets of SPEC section 2, in their order: what code written before configuration knew. */
    public static final List<Dataset> BUILT_IN = List.of(GRAIN, FERTILIZER, LABOR, OIL);
    /** The datasets a jar with no configuration file runs: the four and the optional sample {@code minerals}. */
    public static final List<Dataset> DEFAULTS = List.of(GRAIN, FERTILIZER, LABOR, OIL, MINERALS);

    public Dataset {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("dataset id '" + id + "' is not a lower-case slug");
        }
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(flow, "flow");
        title = title == null || title.isBlank() ? capitalised(id) : title;
        categoryHeader = categoryHeader == null || categoryHeader.isBlank()
                ? (shape == Shape.LABOR ? "location" : "commodity") : categoryHeader.strip();
        knownCategories = knownCategories == null ? List.of() : List.copyOf(knownCategories);
        categoryAliases = categoryAliases == null ? Map.of() : Map.copyOf(categoryAliases);
        displayNames = displayNames == null ? Map.of() : Map.copyOf(displayNames);
    }

    private static Dataset trade(String id, String title, Flow flow, String categoryHeader, List<String> known,
                                 Map<String, String> displayNames, boolean required) {
        return new Dataset(id, id + ".xlsx", Shape.TRADE, title, flow, categoryHeader, known, Map.of(),
                displayNames, required);
    }

    /** The built-in definition with this id, or {@code null}. */
    public static Dataset builtIn(String id) {
        return DEFAULTS.stream().filter(d -> d.id.equals(id)).findFirst().orElse(null);
    }

    public boolean isTrade() {
        return shape == Shape.TRADE;
    }

    /**
     * The logical column of the category: {@code commodity}, {@code product} and {@code location} keep
     * their own (their aliases and messages are SPEC section 2's); any other header is {@link Column#CATEGORY}.
     */
    public Column categoryColumn() {
        return switch (categoryHeader.toLowerCase(Locale.ROOT)) {
            case "commodity" -> COMMODITY;
            case "product" -> PRODUCT;
            case "location" -> LOCATION;
            default -> CATEGORY;
        };
    }

    /** The header a column goes by in this dataset's workbook and messages. */
    public String header(Column column) {
        return column == CATEGORY ? categoryHeader : column.header();
    }

    /** Header texts that mean the column in this dataset's workbook, before configured extras. */
    public List<String> defaultAliases(Column column) {
        if (column != CATEGORY) {
            return column.defaultAliases();
        }
        List<String> aliases = new ArrayList<>(List.of(categoryHeader));
        if (isTrade()) {
            aliases.addAll(TRADE_CATEGORY_ALIASES);
        }
        return List.copyOf(aliases);
    }

    /**
     * Columns a header row must hold: {@code month}, the category, and for trade {@code quantity_t}
     * (a header with {@code quantity} and {@code unit} instead is read as {@link Shape#QUANTITY_IN_UNITS}).
     */
    public List<Column> requiredColumns() {
        List<Column> columns = new ArrayList<>(List.of(MONTH, categoryColumn()));
        columns.addAll(shape.required());
        return List.copyOf(columns);
    }

    public List<Column> optionalColumns() {
        return shape.optional();
    }

    /** What outputs read for a category slug: its display name, else {@code null}. */
    public String displayName(String slug) {
        return displayNames.get(slug);
    }

    /**
     * The name readers see for a category: its display name, else the first raw name the inputs gave it, as
     * written, else the slug in words ({@code ammonium_sulfate} → {@code ammonium sulfate}); never a slug
     * where a name is known.
     *
     * @param firstRawNames the first raw name seen per slug in this dataset's workbook (may be empty)
     */
    public String nameOf(String slug, Map<String, String> firstRawNames) {
        String configured = displayNames.get(slug);
        if (configured != null) {
            return configured;
        }
        String raw = firstRawNames.get(slug);
        return raw != null && !raw.isBlank() ? raw.strip() : slug.replace('_', ' ');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && d.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }

    static String capitalised(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1).replace('_', ' ');
    }

    /** A copy with another file, for tests and the legacy key. */
    public Dataset withFile(String otherFile) {
        return new Dataset(id, otherFile, shape, title, flow, categoryHeader, knownCategories, categoryAliases,
                displayNames, required);
    }

    /** A copy that is (or is not) required. */
    public Dataset withRequired(boolean isRequired) {
        return new Dataset(id, file, shape, title, flow, categoryHeader, knownCategories, categoryAliases,
                displayNames, isRequired);
    }
}
