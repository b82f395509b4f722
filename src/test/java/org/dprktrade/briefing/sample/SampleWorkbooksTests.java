package org.dprktrade.briefing.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dprktrade.briefing.sample.SampleSheet.months;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dprktrade.briefing.ingest.IngestProperties;
import org.dprktrade.briefing.sample.SampleSheet.Line;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed sample workbooks under {@code input/} reproduce the figures of docs/sample-data.md,
 * read back cell by cell, and are exactly what {@link SampleWorkbooks} generates.
 */
class SampleWorkbooksTests {

    private static final Path INPUT = Path.of("input");

    private static SampleSheet grain;
    private static SampleSheet fertilizer;
    private static SampleSheet oil;
    private static SampleSheet labor;

    @BeforeAll
    static void readCommittedSamples() throws IOException {
        grain = SampleSheet.read(INPUT.resolve("grain.xlsx"), "grain", "Month");
        fertilizer = SampleSheet.read(INPUT.resolve("fertilizer.xlsx"), "fertilizer", "Period");
        oil = SampleSheet.read(INPUT.resolve("oil.xlsx"), "oil", "Date");
        labor = SampleSheet.read(INPUT.resolve("labor.xlsx"), "labor", "Month");
    }

    /** The category slug the product derives from a raw name with the default aliases (docs/inputs.md). */
    private static String slug(String raw) {
        for (Map.Entry<String, List<String>> alias : IngestProperties.DEFAULT_CATEGORY_ALIASES.entrySet()) {
            if (alias.getValue().stream().anyMatch(raw::equalsIgnoreCase)) {
                return alias.getKey();
            }
        }
        return raw.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", "_").replaceAll("^_|_$", "");
    }

    private static Predicate<Line> category(String header, String slug) {
        return l -> slug(l.text(header)).equals(slug);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole, int decimals) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, decimals, RoundingMode.HALF_UP);
    }

    @Nested
    class Layout {

        @Test
        void eachWorkbookHasItsDatasetSheetWithTitleAndNoteAboveTheHeaderInRowFour() {
            for (SampleSheet s : List.of(grain, fertilizer, oil, labor)) {
                assertThat(s.headerRowNumber).as(s.sheetName).isEqualTo(4);
            }
            assertThat(grain.headers).containsExactly("Month", "Commodity", "HS code", "Quantity (t)", "Value (USD)",
                    "Source", "Note");
            assertThat(fertilizer.headers).containsExactly("Product", "Period", "Tonnes", "USD", "Source", "Note");
            assertThat(oil.headers).containsExactly("Date", "Item", "HS code", "Quantity", "Unit", "Value (USD)",
                    "Source", "Note");
            assertThat(labor.headers).containsExactly("Month", "Location", "Workers entering", "Workers employed",
                    "Wage", "Wage (local)", "Currency", "Source", "Note");
        }

        @Test
        void everyWorkbookCoversJanuary2012ToDecember2014WithOneTotalRowPerYear() {
            for (SampleSheet s : List.of(grain, fertilizer, oil, labor)) {
                Set<YearMonth> months = new TreeSet<>();
                s.lines.forEach(l -> months.add(l.month()));
                assertThat(months).as(s.sheetName).hasSize(36)
                        .startsWith(YearMonth.of(2012, 1)).endsWith(YearMonth.of(2014, 12));
                assertThat(s.totalRows).as(s.sheetName).hasSize(3);
            }
        }

        @Test
        void everyDataRowNamesItsSourceAndSaysWhetherItIsReportedOrIllustrative() {
            for (SampleSheet s : List.of(grain, fertilizer, oil, labor)) {
                for (Line l : s.lines) {
                    assertThat(l.text("Source")).as(s.sheetName + " row " + l.rowNumber()).isNotBlank();
                    assertThat(l.text("Note")).as(s.sheetName + " row " + l.rowNumber()).isNotBlank();
                }
            }
        }

        @Test
        void monthsAreDateCellsInGrainOilAndLaborAndTextInFertilizer() {
            for (SampleSheet s : List.of(grain, labor)) {
                assertThat(s.lines).allSatisfy(l -> {
                    assertThat(l.cell("Month").getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(l.cell("Month").getCellStyle().getDataFormatString()).isEqualTo("mmm yyyy");
                });
            }
            assertThat(oil.lines).allSatisfy(l -> {
                assertThat(l.cell("Date").getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
                // Month ends: "any day of the month stands for that month".
                assertThat(l.cell("Date").getLocalDateTimeCellValue().toLocalDate())
                        .isEqualTo(l.month().atEndOfMonth());
            });
            assertThat(fertilizer.lines).allSatisfy(l ->
                    assertThat(l.text("Period")).matches("\\d{4}-\\d{2}"));
        }

        @Test
        void everyRawCategoryMapsToAKnownCategoryWithTheDefaultAliases() {
            Map<String, List<String>> known = IngestProperties.DEFAULT_KNOWN_CATEGORIES;
            assertThat(grain.lines).allSatisfy(l -> assertThat(known.get("grain")).contains(slug(l.text("Commodity"))));
            assertThat(fertilizer.lines).allSatisfy(l ->
                    assertThat(known.get("fertilizer")).contains(slug(l.text("Product"))));
            assertThat(oil.lines).allSatisfy(l -> assertThat(known.get("oil")).contains(slug(l.text("Item"))));
        }
    }

    @Nested
    class Grain {

        private BigDecimal tonnes(Predicate<Line> filter) {
            return grain.sum("Quantity (t)", filter);
        }

        @Test
        void firstHalfOf2014Totals58387Tonnes() {
            assertThat(tonnes(months(2014, 1, 6))).isEqualByComparingTo("58387");
        }

        @Test
        void july2014Is19559AndAugust25217Tonnes() {
            assertThat(tonnes(months(2014, 7, 7))).isEqualByComparingTo("19559");
            assertThat(tonnes(months(2014, 8, 8))).isEqualByComparingTo("25217");
            // 58,387 + 19,559 + 25,217 = 103,163
            assertThat(tonnes(months(2014, 1, 8))).isEqualByComparingTo("103163");
        }

        @Test
        void januaryToAugust2013Is174020TonnesSo2014Is59PercentOfIt() {
            assertThat(tonnes(months(2013, 1, 8))).isEqualByComparingTo("174020");
            // 103,163 / 174,020 = 0.5928
            assertThat(percent(tonnes(months(2014, 1, 8)), tonnes(months(2013, 1, 8)), 0)).isEqualByComparingTo("59");
        }

        @Test
        void januaryToAugust2014MixIsFlour46_6Rice42_3Corn8_9Percent() {
            BigDecimal all = tonnes(months(2014, 1, 8));
            Map<String, String> reported = Map.of("flour", "46.6", "rice", "42.3", "corn", "8.9");
            reported.forEach((slug, share) -> assertThat(
                    percent(tonnes(months(2014, 1, 8).and(category("Commodity", slug))), all, 1))
                    .as(slug).isEqualByComparingTo(share));
            // The rest, other grains: 100 − 46.6 − 42.3 − 8.9 = 2.2 (2,269 of 103,163 t).
            BigDecimal rest = tonnes(months(2014, 1, 8).and(category("Commodity", "barley")
                    .or(category("Commodity", "soybean"))));
            assertThat(rest).isEqualByComparingTo("2269");
            assertThat(percent(rest, all, 1)).isEqualByComparingTo("2.2");
        }

        @Test
        void unitValuesArePlausible() {
            for (Line l : grain.lines) {
                BigDecimal perTonne = l.number("Value (USD)").divide(l.number("Quantity (t)"), MathContext.DECIMAL64);
                assertThat(perTonne).as("row " + l.rowNumber()).isBetween(new BigDecimal("290"), new BigDecimal("620"));
            }
        }
    }

    @Nested
    class Fertilizer {

        @Test
        void januaryToAugust2014Is115337AndJanuaryToAugust2013Is183639Tonnes() {
            assertThat(fertilizer.sum("Tonnes", months(2014, 1, 8))).isEqualByComparingTo("115337");
            assertThat(fertilizer.sum("Tonnes", months(2013, 1, 8))).isEqualByComparingTo("183639");
            // 115,337 / 183,639 = 62.8 %, i.e. −37.2 %: "about −37 %"
            assertThat(percent(fertilizer.sum("Tonnes", months(2014, 1, 8)), fertilizer.sum("Tonnes", months(2013, 1, 8)), 1))
                    .isEqualByComparingTo("62.8");
        }

        @Test
        void oneValueIsMissingAsNa() {
            assertThat(fertilizer.lines).filteredOn(l -> l.cell("USD").getCellType() == CellType.STRING)
                    .singleElement()
                    .satisfies(l -> assertThat(l.text("USD")).isEqualTo("n/a"));
        }
    }

    @Nested
    class Oil {

        /** Tonnes of a row, converting kg and barrels (with the default barrels-per-tonne factors). */
        private BigDecimal tonnes(Line l) {
            BigDecimal q = l.number("Quantity");
            return switch (l.text("Unit")) {
                case "t", "tonnes" -> q;
                case "kg" -> q.movePointLeft(3);
                case "bbl", "barrels" -> q.divide(
                        IngestProperties.DEFAULT_BARRELS_PER_TONNE.get(slug(l.text("Item"))), MathContext.DECIMAL64);
                default -> throw new IllegalStateException("unit " + l.text("Unit"));
            };
        }

        private BigDecimal tonnes(String slug, Predicate<Line> months) {
            return oil.lines.stream().filter(months.and(category("Item", slug))).map(this::tonnes)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        private BigDecimal barrels(String slug, Predicate<Line> months) {
            List<Line> rows = oil.lines.stream().filter(months.and(category("Item", slug))).toList();
            assertThat(rows).allSatisfy(l -> assertThat(l.text("Unit")).isEqualTo("bbl"));
            return rows.stream().map(l -> l.number("Quantity")).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        @Test
        void crudeOilIs578000TonnesIn2013And11_2PercentAbove2012() {
            assertThat(tonnes("crude_oil", months(2013, 1, 12))).isEqualByComparingTo("578000");
            assertThat(tonnes("crude_oil", months(2012, 1, 12))).isEqualByComparingTo("519800");
            // 578,000 / 519,800 = 1.11197
            assertThat(percent(tonnes("crude_oil", months(2013, 1, 12)), tonnes("crude_oil", months(2012, 1, 12)), 1))
                    .isEqualByComparingTo("111.2");
        }

        @Test
        void crudeOilIsARealZeroInFebruaryJuneJuly2013AndEveryMonthOf2014() {
            List<YearMonth> zeroMonths = new ArrayList<>();
            for (Line l : oil.lines) {
                if (slug(l.text("Item")).equals("crude_oil")) {
                    assertThat(l.cell("Quantity").getCellType()).as("row " + l.rowNumber()).isEqualTo(CellType.NUMERIC);
                    if (l.number("Quantity").signum() == 0) {
                        zeroMonths.add(l.month());
                    }
                }
            }
            List<YearMonth> expected = new ArrayList<>(List.of(YearMonth.of(2013, 2), YearMonth.of(2013, 6),
                    YearMonth.of(2013, 7)));
            for (int m = 1; m <= 12; m++) {
                expected.add(YearMonth.of(2014, m));
            }
            assertThat(zeroMonths).containsExactlyElementsOf(expected);
        }

        @Test
        void jetFuelIs13000TonnesJanuaryToSeptember2014Against359In2013And39000In2012() {
            assertThat(tonnes("kerosene", months(2014, 1, 9))).isEqualByComparingTo("13000");
            assertThat(tonnes("kerosene", months(2013, 1, 9))).isEqualByComparingTo("359");
            assertThat(tonnes("kerosene", months(2012, 1, 9))).isEqualByComparingTo("39000");
        }

        @Test
        void jetFuelJanuaryToMay2014IsOver100000BarrelsMostlyInMarchAnd5131PercentUp() {
            BigDecimal factor = IngestProperties.DEFAULT_BARRELS_PER_TONNE.get("kerosene");
            // March: 12,702 t × 7.88 = 100,091.76 bbl
            assertThat(tonnes("kerosene", months(2014, 3, 3)).multiply(factor)).isGreaterThan(new BigDecimal("100000"));
            // Jan–May 12,817 t against 245 t: 12,817 / 245 − 1 = 51.3143 → +5,131 %
            assertThat(tonnes("kerosene", months(2014, 1, 5))).isEqualByComparingTo("12817");
            assertThat(percent(tonnes("kerosene", months(2014, 1, 5)), tonnes("kerosene", months(2013, 1, 5)), 0)
                    .subtract(BigDecimal.valueOf(100))).isEqualByComparingTo("5131");
        }

        @Test
        void gasolineIs280000BarrelsJanuaryToMay2014Up84PercentAndDiesel63000Barrels() {
            assertThat(barrels("gasoline", months(2014, 1, 5))).isEqualByComparingTo("280000");
            // 280,000 / 152,200 = 1.8397 → +84 %
            assertThat(percent(barrels("gasoline", months(2014, 1, 5)), barrels("gasoline", months(2013, 1, 5)), 0))
                    .isEqualByComparingTo("184");
            assertThat(barrels("diesel", months(2014, 1, 5))).isEqualByComparingTo("63000");
        }

        @Test
        void refinedProductsJanuaryToMay2014ExceedTheReported88000Tonnes() {
            // gasoline 280,000 / 8.53 = 32,825.32; diesel 63,000 / 7.46 = 8,445.04; kerosene 12,817;
            // LPG 10,000; fuel oil 25,000: 89,087.36 t
            BigDecimal refined = oil.lines.stream()
                    .filter(months(2014, 1, 5).and(category("Item", "crude_oil").negate()))
                    .map(this::tonnes).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(refined.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("89087.36");
        }

        @Test
        void butaneJanuaryToMay2014Is28PercentUp() {
            // 10,000 / 7,810 = 1.2804
            assertThat(tonnes("lpg", months(2014, 1, 5))).isEqualByComparingTo("10000");
            assertThat(percent(tonnes("lpg", months(2014, 1, 5)), tonnes("lpg", months(2013, 1, 5)), 0))
                    .isEqualByComparingTo("128");
        }

        @Test
        void quantitiesComeInTonnesKilogramsAndBarrels() {
            Set<String> units = new TreeSet<>();
            oil.lines.forEach(l -> units.add(l.text("Unit")));
            assertThat(units).containsExactly("barrels", "bbl", "kg", "t", "tonnes");
        }
    }

    @Nested
    class Labor {

        private BigDecimal entering(Predicate<Line> filter) {
            return labor.sum("Workers entering", filter);
        }

        @Test
        void workersEntering93000In2013Up20PercentAnd44000InJanuaryToNovember2014() {
            assertThat(entering(months(2013, 1, 12))).isEqualByComparingTo("93000");
            // 93,000 / 77,500 = 1.20
            assertThat(entering(months(2012, 1, 12))).isEqualByComparingTo("77500");
            assertThat(entering(months(2014, 1, 11))).isEqualByComparingTo("44000");
        }

        @Test
        void workersEmployedInOctober2014AreDandong2500AndYanbian4500AndNothingLaterInTheQuarter() {
            assertThat(labor.lines).filteredOn(l -> l.cell("Workers employed") != null
                            && !l.month().isBefore(YearMonth.of(2014, 10)))
                    .extracting(l -> l.month() + " " + l.text("Location") + " " + l.number("Workers employed").toPlainString())
                    .containsExactly("2014-10 Dandong 2500", "2014-10 Yanbian 4500");
        }

        @Test
        void wagesAreInTheReportedRanges() {
            for (Line l : labor.lines) {
                if (l.cell("Wage") == null) {
                    continue;
                }
                BigDecimal wage = l.number("Wage");
                BigDecimal local = l.number("Wage (local)");
                switch (l.text("Currency")) {
                    case "KRW" -> {
                        assertThat(wage).isBetween(new BigDecimal("260000"), new BigDecimal("280000"));
                        assertThat(local).isBetween(new BigDecimal("440000"), new BigDecimal("530000"));
                    }
                    case "USD" -> assertThat(wage).isBetween(new BigDecimal("238"), new BigDecimal("256"));
                    case "KPW" -> {
                        // Rungra 88: 20,000 against 200,000 KPW, a wage ratio of 10 %.
                        assertThat(wage).isEqualByComparingTo("20000");
                        assertThat(local).isEqualByComparingTo("200000");
                    }
                    default -> throw new AssertionError("unexpected currency in row " + l.rowNumber());
                }
            }
            assertThat(labor.lines).filteredOn(l -> l.cell("Currency") != null)
                    .extracting(l -> l.text("Currency")).containsOnly("KRW", "USD", "KPW").contains("KRW", "USD", "KPW");
        }

        @Test
        void oneLocationIsWrittenInChinese() {
            assertThat(labor.lines).extracting(l -> l.text("Location")).contains("珲春");
            assertThat(slug("珲春")).isEqualTo("珲春");
        }
    }

    @Nested
    class Generator {

        @ParameterizedTest
        @ValueSource(strings = {"grain.xlsx", "fertilizer.xlsx", "oil.xlsx", "labor.xlsx"})
        void regeneratingGivesTheCommittedCells(String file, @TempDir Path dir) throws IOException {
            SampleWorkbooks.writeAll(dir);
            assertThat(cells(dir.resolve(file))).isEqualTo(cells(INPUT.resolve(file)));
        }

        @Test
        void regeneratingTwiceGivesIdenticalBytes(@TempDir Path dir) throws IOException {
            List<Path> first = SampleWorkbooks.writeAll(dir.resolve("a"));
            List<Path> second = SampleWorkbooks.writeAll(dir.resolve("b"));
            for (int i = 0; i < first.size(); i++) {
                assertThat(Files.readAllBytes(second.get(i))).as(first.get(i).getFileName().toString())
                        .isEqualTo(Files.readAllBytes(first.get(i)));
            }
        }

        /** Every cell of every sheet as "A1 TYPE value format", in order. */
        private List<String> cells(Path file) throws IOException {
            List<String> out = new ArrayList<>();
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                    XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
                for (Sheet sheet : workbook) {
                    out.add("sheet " + sheet.getSheetName());
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            String value = switch (cell.getCellType()) {
                                case NUMERIC -> Double.toString(cell.getNumericCellValue());
                                case STRING -> cell.getStringCellValue();
                                case FORMULA -> cell.getCellFormula() + " = " + cell.getNumericCellValue();
                                case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
                                default -> "";
                            };
                            out.add(cell.getAddress() + " " + cell.getCellType() + " " + value + " "
                                    + cell.getCellStyle().getDataFormatString());
                        }
                    }
                }
            } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new IOException(e);
            }
            return out;
        }
    }
}
