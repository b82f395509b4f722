package org.dprktrade.briefing.ingest;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the input workbooks are found and read ({@code briefing.ingest.*}). Every map given in
 * configuration is added to the defaults below (an entry with the same key replaces the default).
 *
 * @param files              workbook file per dataset id, relative to the input folder unless absolute
 * @param maxRejectedShare   the run fails when more than this share of a dataset's rows is rejected
 * @param maxFileSize        a larger workbook is refused before it is opened
 * @param headerAliases      extra header texts per logical column ({@code quantity_t: [Menge]})
 * @param categoryAliases    extra raw names per category slug ({@code flour: [Wheat flour]})
 * @param knownCategories    categories expected per dataset; others are kept and warned about
 * @param barrelsPerTonne    conversion factor per oil product slug
 * @param usdRates           USD per unit of currency, per currency code and year
 */
@ConfigurationProperties("briefing.ingest")
public record IngestProperties(
        Map<String, String> files,
        @DefaultValue("0.05") double maxRejectedShare,
        @DefaultValue("512MB") DataSize maxFileSize,
        Map<String, List<String>> headerAliases,
        Map<String, List<String>> categoryAliases,
        Map<String, List<String>> knownCategories,
        Map<String, BigDecimal> barrelsPerTonne,
        Map<String, Map<Integer, BigDecimal>> usdRates) {

    public static final Map<String, List<String>> DEFAULT_CATEGORY_ALIASES = Map.of(
            "flour", List.of("Wheat flour", "Flour"),
            "corn", List.of("Maize"),
            "kerosene", List.of("Jet fuel", "Jet kerosene", "Aviation kerosene"),
            "lpg", List.of("Butane", "Propane", "LPG"),
            "crude_oil", List.of("Crude oil", "Crude"),
            "diesel", List.of("Gas oil", "Gasoil", "Diesel oil"),
            "fuel_oil", List.of("Heavy fuel oil"),
            "gasoline", List.of("Petrol", "Motor gasoline"));

    public static final Map<String, List<String>> DEFAULT_KNOWN_CATEGORIES = Map.of(
            "grain", List.of("flour", "rice", "corn", "barley", "soybean", "other"),
            "fertilizer", List.of("urea", "ammonium_sulfate", "potash", "compound", "other"),
            "oil", List.of("crude_oil", "gasoline", "diesel", "kerosene", "fuel_oil", "lpg", "lubricants", "other"));

    /** Approximate barrels per tonne, as commonly published (docs/sample-data.md). */
    public static final Map<String, BigDecimal> DEFAULT_BARRELS_PER_TONNE = Map.of(
            "crude_oil", new BigDecimal("7.33"),
            "gasoline", new BigDecimal("8.53"),
            "kerosene", new BigDecimal("7.88"),
            "diesel", new BigDecimal("7.46"),
            "fuel_oil", new BigDecimal("6.66"),
            "lpg", new BigDecimal("11.6"));

    /** Yearly average USD per unit; KRW 2014 as implied by the source (260,000 KRW = US$238). */
    public static final Map<String, Map<Integer, BigDecimal>> DEFAULT_USD_RATES = Map.of(
            "USD", Map.of(2010, BigDecimal.ONE, 2011, BigDecimal.ONE, 2012, BigDecimal.ONE, 2013, BigDecimal.ONE,
                    2014, BigDecimal.ONE, 2015, BigDecimal.ONE),
            "KRW", Map.of(2012, new BigDecimal("0.000887"), 2013, new BigDecimal("0.000913"),
                    2014, new BigDecimal("0.000916")),
            "CNY", Map.of(2012, new BigDecimal("0.1584"), 2013, new BigDecimal("0.1614"),
                    2014, new BigDecimal("0.1628")));

    public IngestProperties {
        if (!(maxRejectedShare >= 0 && maxRejectedShare <= 1)) {
            throw new IllegalArgumentException("briefing.ingest.max-rejected-share must be between 0 and 1");
        }
        Map<String, String> mergedFiles = new LinkedHashMap<>();
        for (Dataset d : Dataset.DEFAULTS) {
            mergedFiles.put(d.id(), d.id() + ".xlsx");
        }
        if (files != null) {
            files.forEach((k, v) -> mergedFiles.put(k.toLowerCase(Locale.ROOT), v));
        }
        files = Map.copyOf(mergedFiles);
        headerAliases = headerAliases == null ? Map.of() : Map.copyOf(headerAliases);
        categoryAliases = merge(DEFAULT_CATEGORY_ALIASES, categoryAliases);
        knownCategories = merge(DEFAULT_KNOWN_CATEGORIES, knownCategories);
        barrelsPerTonne = merge(DEFAULT_BARRELS_PER_TONNE, barrelsPerTonne);
        Map<String, Map<Integer, BigDecimal>> rates = new TreeMap<>();
        DEFAULT_USD_RATES.forEach((k, v) -> rates.put(k, new TreeMap<>(v)));
        if (usdRates != null) {
            usdRates.forEach((k, v) -> rates.computeIfAbsent(k.toUpperCase(Locale.ROOT), x -> new TreeMap<>()).putAll(v));
        }
        usdRates = Map.copyOf(rates);
    }

    /** The defaults alone, as a jar with no configuration file runs. */
    public static IngestProperties defaults() {
        return new IngestProperties(null, 0.05, DataSize.ofMegabytes(512), null, null, null, null, null);
    }

    /** Header aliases of a column: the defaults plus any configured under the column's name. */
    public List<String> aliasesOf(Column column) {
        return aliasesOf(column.header(), column.defaultAliases());
    }

    /** Header aliases of a column in a dataset's workbook: its defaults there plus any configured under its header. */
    public List<String> aliasesOf(Dataset dataset, Column column) {
        return aliasesOf(dataset.header(column), dataset.defaultAliases(column));
    }

    private List<String> aliasesOf(String header, List<String> defaults) {
        List<String> extra = headerAliases.get(header);
        if (extra == null) {
            extra = headerAliases.get(header.replace('_', '-'));
        }
        if (extra == null || extra.isEmpty()) {
            return defaults;
        }
        return java.util.stream.Stream.concat(defaults.stream(), extra.stream()).toList();
    }

    /** The legacy {@code briefing.ingest.known-categories.<id>}, defaults included, or {@code null}. */
    public List<String> knownCategoriesOf(String datasetId) {
        return knownCategories.get(datasetId);
    }

    /** The legacy {@code briefing.ingest.files.<id>}, or {@code null}. */
    public String fileOf(String datasetId) {
        return files.get(datasetId);
    }

    /** USD per unit of the currency in that year, or {@code null} where none is configured. */
    public BigDecimal usdRate(String currency, int year) {
        Map<Integer, BigDecimal> byYear = usdRates.get(currency.toUpperCase(Locale.ROOT));
        return byYear == null ? null : byYear.get(year);
    }

    private static <V> Map<String, V> merge(Map<String, V> defaults, Map<String, V> configured) {
        Map<String, V> merged = new LinkedHashMap<>(defaults);
        if (configured != null) {
            merged.putAll(configured);
        }
        return Map.copyOf(merged);
    }
}
