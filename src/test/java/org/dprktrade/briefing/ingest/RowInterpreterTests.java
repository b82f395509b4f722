package org.dprktrade.briefing.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dprktrade.briefing.ingest.Column.*;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dprktrade.briefing.ingest.CellValue.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RowInterpreterTests {

    private static final IngestProperties PROPS = IngestProperties.defaults();

    private final List<RowProblem> problems = new ArrayList<>();

    // ---- building rows --------------------------------------------------------------------------

    static CellValue text(String s) {
        return new CellValue(Kind.TEXT, s, false);
    }

    static CellValue num(String s) {
        return new CellValue(Kind.NUMBER, s, false);
    }

    static CellValue date(String serial) {
        return new CellValue(Kind.NUMBER, serial, true);
    }

    static SheetRow row(long number, Object... columnsAndCells) {
        Map<Column, CellValue> cells = new EnumMap<>(Column.class);
        for (int i = 0; i < columnsAndCells.length; i += 2) {
            Object v = columnsAndCells[i + 1];
            cells.put((Column) columnsAndCells[i], v instanceof CellValue c ? c : text((String) v));
        }
        List<String> raw = cells.values().stream().map(CellValue::raw).toList();
        return new SheetRow(number, cells, raw);
    }

    static SheetRow grain(long number, Object month, Object commodity, Object quantity) {
        return row(number, MONTH, month, COMMODITY, commodity, QUANTITY_T, quantity);
    }

    private Optional<AcceptedRow> interpret(Dataset dataset, SheetRow row) {
        return interpret(new RowInterpreter(dataset, PROPS, dataset.id() + ".xlsx", dataset.id(), false,
                dataset.equals(Dataset.OIL)), row);
    }

    private Optional<AcceptedRow> interpret(RowInterpreter interpreter, SheetRow row) {
        return interpreter.interpret(row, problems::add);
    }

    private TradeRecord acceptedTrade(Dataset dataset, SheetRow row) {
        Optional<AcceptedRow> result = interpret(dataset, row);
        assertThat(problems).filteredOn(RowProblem::isError).isEmpty();
        assertThat(result).isPresent();
        return (TradeRecord) result.get();
    }

    private LaborRecord acceptedLabor(SheetRow row) {
        Optional<AcceptedRow> result = interpret(Dataset.LABOR, row);
        assertThat(problems).filteredOn(RowProblem::isError).isEmpty();
        return (LaborRecord) result.orElseThrow();
    }

    /** Asserts the row was rejected with exactly one error and returns it. */
    private RowProblem rejected(Dataset dataset, SheetRow row) {
        assertThat(interpret(dataset, row)).isEmpty();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).severity()).isEqualTo(Severity.ERROR);
        return problems.get(0);
    }

    // ---- rules ----------------------------------------------------------------------------------

    @Nested
    class Months {

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                2014-07       | 2014-07
                2014-7        | 2014-07
                2014/07       | 2014-07
                2014-07-31    | 2014-07
                ' 2014-12 '   | 2014-12
                Jul 2014      | 2014-07
                July 2014     | 2014-07
                SEPTEMBER 2014| 2014-09
                sep 2014      | 2014-09
                Feb. 2013     | 2013-02
                """)
        void acceptsTheTextForms(String text, String month) {
            assertThat(acceptedTrade(Dataset.GRAIN, grain(2, text, "Rice", "1")).month())
                    .isEqualTo(YearMonth.parse(month));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2014-13", "2014-00", "Febuary 2014", "2014/02/30", "2014-02-30", "14-07", "Q3 2014",
                "07/2014", "2014-07-1"})
        void rejectsAnythingElse(String text) {
            RowProblem p = rejected(Dataset.GRAIN, grain(7, text, "Rice", "1"));
            assertThat(p).isEqualTo(new RowProblem("grain.xlsx", "grain", 7, "month", Severity.ERROR,
                    "not a month: expected YYYY-MM, Mon YYYY or a date", text));
        }

        @ParameterizedTest
        @CsvSource({
                // 2014-07-01 is serial 41821 (LibreOffice wrote it so for the fixture); +30 days = 2014-07-31
                "41821, 2014-07", "41851, 2014-07", "41851.999, 2014-07", "41852, 2014-08",
                // Excel's day 59 is 1900-02-28, 60 the fictitious 1900-02-29, 61 is 1900-03-01
                "1, 1900-01", "59, 1900-02", "60, 1900-02", "61, 1900-03"})
        void takesAnyDayOfADateCellAsItsMonth(String serial, String month) {
            assertThat(acceptedTrade(Dataset.GRAIN, grain(2, date(serial), "Rice", "1")).month())
                    .isEqualTo(YearMonth.parse(month));
        }

        @Test
        void countsDatesFrom1904WhereTheWorkbookSaysSo() {
            // 1904 system: serial 0 is 1904-01-01, 1462 days after 1900's day 0 (1899-12-31 + 1 leap-bug day):
            // 41821 - 1462 = 40359 is 2014-07-01, and 40358 the day before
            RowInterpreter interpreter = new RowInterpreter(Dataset.GRAIN, PROPS, "grain.xlsx", "grain", true);
            assertThat(interpret(interpreter, grain(2, date("40359"), "Rice", "1")).orElseThrow().month())
                    .isEqualTo(YearMonth.of(2014, 7));
            assertThat(interpret(interpreter, grain(3, date("40358"), "Rice", "1")).orElseThrow().month())
                    .isEqualTo(YearMonth.of(2014, 6));
        }

        @Test
        void rejectsAPlainNumberInTheMonthColumn() {
            // 2014 could be a year; as a serial it would be 1905-07-06
            RowProblem p = rejected(Dataset.GRAIN, grain(2, num("2014"), "Rice", "1"));
            assertThat(p.problem()).isEqualTo("not a month: expected YYYY-MM, Mon YYYY or a date (a plain number is"
                    + " not a date; format the cell as a date or write YYYY-MM)");
            assertThat(p.value()).isEqualTo("2014");
        }

        @Test
        void rejectsAGeneralFormatSerialRatherThanGuessingItIsADate() {
            // 41821 is 2014-07-01 as a date serial, but the cell is not formatted as a date
            RowProblem p = rejected(Dataset.GRAIN, grain(7, num("41821"), "Rice", "1"));
            assertThat(p.problem()).endsWith("(a plain number is not a date; format the cell as a date or write YYYY-MM)");
            assertThat(p.value()).isEqualTo("41821");
        }

        @ParameterizedTest
        @ValueSource(strings = {"NaN", "INF", "1E400"})
        void rejectsANonFiniteDateSerial(String raw) {
            assertThat(rejected(Dataset.GRAIN, grain(2, date(raw), "Rice", "1")).problem())
                    .endsWith("(date serial out of range)");
        }

        @Test
        void rejectsADateSerialBeforeTheCalendar() {
            assertThat(rejected(Dataset.GRAIN, grain(2, date("0"), "Rice", "1")).problem())
                    .endsWith("(date serial out of range)");
        }

        @Test
        void rejectsAMissingMonth() {
            RowProblem p = rejected(Dataset.GRAIN, row(4, COMMODITY, "Rice", QUANTITY_T, num("1")));
            assertThat(p.column()).isEqualTo("month");
            assertThat(p.problem()).isEqualTo("missing value");
        }
    }

    @Nested
    class TotalRows {

        @ParameterizedTest
        @ValueSource(strings = {"Total", "TOTAL", "sum", "Subtotal", " Sub-total: "})
        void areSkippedSilently(String word) {
            SheetRow total = grain(9, word, "", "19559");
            RowInterpreter interpreter = new RowInterpreter(Dataset.GRAIN, PROPS, "grain.xlsx", "grain", false);
            assertThat(interpreter.isTotalRow(total)).isTrue();
            assertThat(interpret(interpreter, total)).isEmpty();
            assertThat(problems).isEmpty();
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                19,559          | 19559
                19 559          | 19559
                19\u00A0559     | 19559
                1,234,567.5     | 1234567.5
                19559.25        | 19559.25
                +12             | 12
                0               | 0
                """)
        void readsTextNumbersWithThousandsSeparators(String text, String expected) {
            assertThat(acceptedTrade(Dataset.GRAIN, grain(2, "2014-07", "Rice", text)).quantityTonnes())
                    .isEqualTo(new BigDecimal(expected));
        }

        @ParameterizedTest
        @CsvSource({"19559.0, 19559", "0.1, 0.1", "1.5E3, 1500", "25217.000000000004, 25217", "0, 0"})
        void readsNumericCellsExactlyToExcelsPrecision(String raw, String expected) {
            // Excel shows 15 significant digits: 25217.000000000004 (a sum's binary residue) is 25217
            assertThat(acceptedTrade(Dataset.GRAIN, grain(2, "2014-07", "Rice", num(raw))).quantityTonnes())
                    .isEqualTo(new BigDecimal(expected));
        }

        @Test
        void zeroIsARealFigure() {
            TradeRecord r = acceptedTrade(Dataset.GRAIN,
                    row(2, MONTH, "2014-07", COMMODITY, "Rice", QUANTITY_T, num("0"), VALUE_USD, num("0")));
            assertThat(r.quantityTonnes()).isEqualByComparingTo("0");
            assertThat(r.valueUsd()).isEqualByComparingTo("0");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-", "n/a", "NA", "N/A", " "})
        void missingMarkersLeaveAnOptionalNumberEmpty(String marker) {
            TradeRecord r = acceptedTrade(Dataset.GRAIN,
                    row(2, MONTH, "2014-07", COMMODITY, "Rice", QUANTITY_T, num("5"), VALUE_USD, marker));
            assertThat(r.valueUsd()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"-", "n/a", "na"})
        void missingMarkersRejectARequiredNumber(String marker) {
            RowProblem p = rejected(Dataset.GRAIN, grain(3, "2014-07", "Rice", marker));
            assertThat(p).isEqualTo(new RowProblem("grain.xlsx", "grain", 3, "quantity_t", Severity.ERROR,
                    "missing value", marker));
        }

        @Test
        void rejectsAnAbsentRequiredNumber() {
            assertThat(rejected(Dataset.GRAIN, row(3, MONTH, "2014-07", COMMODITY, "Rice")).problem())
                    .isEqualTo("missing value");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                NUMBER  | -5
                TEXT    | -5
                TEXT    | -19,559
                TEXT    | \u22125
                """)
        void rejectsNegativeNumbers(Kind kind, String raw) {
            RowProblem p = rejected(Dataset.GRAIN, grain(2, "2014-07", "Rice", new CellValue(kind, raw, false)));
            assertThat(p.problem()).isEqualTo("negative number");
            assertThat(p.value()).isEqualTo(raw);
            assertThat(p.column()).isEqualTo("quantity_t");
        }

        @ParameterizedTest
        @ValueSource(strings = {"about 5", "19,55", "1.2.3", "19,559 559", "Infinity", "NaN", "5t", "1e3"})
        void rejectsTextThatIsNotANumber(String raw) {
            RowProblem p = rejected(Dataset.GRAIN, grain(2, "2014-07", "Rice", raw));
            assertThat(p.problem()).isEqualTo("not a number");
            assertThat(p.value()).isEqualTo(raw);
        }

        @ParameterizedTest
        @ValueSource(strings = {"NaN", "INF", "-INF", "Infinity", "1E400", "-1E309"})
        void rejectsNonFiniteNumericCells(String raw) {
            // no spreadsheet program stores these; a broken generator can
            RowProblem p = rejected(Dataset.GRAIN, grain(2, "2014-07", "Rice", num(raw)));
            assertThat(p.problem()).isEqualTo("not a finite number (beyond what a spreadsheet cell can hold)");
            assertThat(p.value()).isEqualTo(raw);
        }

        @Test
        void acceptsTheLargestFiniteNumberToExcelsPrecision() {
            // Double.MAX_VALUE = 1.7976931348623157E308, rounded to 15 significant digits
            assertThat(acceptedTrade(Dataset.GRAIN, grain(2, "2014-07", "Rice", num("1.7976931348623157E308"))).quantityTonnes())
                    .isEqualByComparingTo(new BigDecimal("1.79769313486232E308"));
        }

        @Test
        void quotesAtMostFiveHundredCharactersOfAnOffendingValue() {
            String huge = "x".repeat(40_000);
            RowProblem p = rejected(Dataset.GRAIN, grain(2, huge, "Rice", "1"));
            assertThat(p.value()).isEqualTo("x".repeat(500) + "\u2026 (40000 characters)");
        }

        @Test
        void neverCutsASurrogatePairWhenQuoting() {
            String value = "a".repeat(499) + "😀".repeat(10);
            assertThat(RowInterpreter.quoted(value)).isEqualTo("a".repeat(499) + "\u2026 (" + value.length() + " characters)");
        }

        @Test
        void rejectsAFormulaWithoutCachedValueNeverReadingZero() {
            RowProblem p = rejected(Dataset.GRAIN,
                    grain(2, "2014-07", "Rice", new CellValue(Kind.FORMULA_NO_VALUE, "", false)));
            assertThat(p.problem()).isEqualTo("formula without a cached value (open and save the file in a spreadsheet program)");
        }

        @Test
        void rejectsAnErrorValue() {
            RowProblem p = rejected(Dataset.GRAIN, grain(2, "2014-07", "Rice", new CellValue(Kind.ERROR, "#DIV/0!", false)));
            assertThat(p.problem()).isEqualTo("error value in the cell");
            assertThat(p.value()).isEqualTo("#DIV/0!");
        }

        @Test
        void rejectsABoolean() {
            RowProblem p = rejected(Dataset.GRAIN, grain(2, "2014-07", "Rice", new CellValue(Kind.BOOLEAN, "1", false)));
            assertThat(p.problem()).isEqualTo("not a number");
            assertThat(p.value()).isEqualTo("TRUE");
        }

        @Test
        void namesTheFirstBadColumnOnly() {
            // month and quantity are both bad: month comes first, one problem for the row
            RowProblem p = rejected(Dataset.GRAIN, grain(2, "2014-13", "Rice", "-1"));
            assertThat(p.column()).isEqualTo("month");
        }
    }

    @Nested
    class Categories {

        @ParameterizedTest
        @CsvSource({"Wheat flour, flour", "WHEAT  FLOUR, flour", "Flour, flour", "maize, corn", "Rice, rice",
                "Soybean, soybean"})
        void mapsAliasesIgnoringCaseThenSlugs(String name, String slug) {
            assertThat(acceptedTrade(Dataset.GRAIN, grain(2, "2014-07", name, "1")).category()).isEqualTo(slug);
            assertThat(problems).isEmpty();
        }

        @Test
        void keepsAnUnknownCategoryAndWarnsOnce() {
            RowInterpreter interpreter = new RowInterpreter(Dataset.GRAIN, PROPS, "grain.xlsx", "grain", false);
            assertThat(interpret(interpreter, grain(2, "2014-07", "Rice (polished)", "1")).orElseThrow())
                    .extracting(r -> ((TradeRecord) r).category()).isEqualTo("rice_polished");
            assertThat(interpret(interpreter, grain(3, "2014-08", "Rice (polished)", "2"))).isPresent();
            assertThat(problems).containsExactly(new RowProblem("grain.xlsx", "grain", 2, "commodity", Severity.WARNING,
                    "unknown category 'rice_polished': kept as it is (first of its rows)", "Rice (polished)"));
        }

        @Test
        void keepsKoreanAndChineseLetters() {
            assertThat(RowInterpreter.slug("옥수수")).isEqualTo("옥수수");
            assertThat(RowInterpreter.slug(" 小麦 粉! ")).isEqualTo("小麦_粉");
            assertThat(RowInterpreter.slug("--Crude  Oil (bbl)--")).isEqualTo("crude_oil_bbl");
            TradeRecord r = acceptedTrade(Dataset.GRAIN, grain(2, "2014-07", "옥수수", "1"));
            assertThat(r.category()).isEqualTo("옥수수");
            assertThat(problems).extracting(RowProblem::severity).containsExactly(Severity.WARNING);
        }

        @Test
        void keepsSupplementaryPlaneLettersAndDropsEmojiAsSeparators() {
            // U+20BB7 is a letter (CJK Extension B); an emoji is no letter or digit
            assertThat(RowInterpreter.slug("𠮷野家 🍚 Rice")).isEqualTo("𠮷野家_rice");
            assertThat(RowInterpreter.slug("🍚")).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                =HYPERLINK("http://x")  | hyperlink_http_x
                +1                      | 1
                @SUM(1)                 | sum_1
                -2+3                    | 2_3
                =cmd                    | cmd
                """)
        void slugsFormulaLikeNamesToPlainWords(String name, String slug) {
            // a slug starts with a letter or digit, so the indicators CSV needs no neutralising
            assertThat(acceptedTrade(Dataset.GRAIN, grain(2, "2014-07", name, "1")).category()).isEqualTo(slug);
            assertThat(RowInterpreter.slug("\tcmd")).isEqualTo("cmd");
            assertThat(RowInterpreter.slug("\rcmd")).isEqualTo("cmd");
        }

        @Test
        void rejectsACategoryLongerThanAThousandCharacters() {
            RowProblem p = rejected(Dataset.GRAIN, grain(2, "2014-07", "a".repeat(1_001), "1"));
            assertThat(p.problem()).isEqualTo("not a name: 1001 characters, more than the 1000 a category name may have");
            assertThat(p.value()).startsWith("aaa").endsWith("\u2026 (1001 characters)");
            problems.clear();
            assertThat(acceptedTrade(Dataset.GRAIN, grain(3, "2014-07", "a".repeat(1_000), "1")).category()).hasSize(1_000);
        }

        @Test
        void keepsLongAndControlCharacterTextInSourcesAndNotesAsItIs() {
            String longSource = "s".repeat(40_000);
            TradeRecord r = acceptedTrade(Dataset.GRAIN,
                    row(2, MONTH, "2014-07", COMMODITY, "Rice", QUANTITY_T, "1", SOURCE, longSource, NOTE, "a\u0001b\u001Fc"));
            assertThat(r.source()).isEqualTo(longSource);
            assertThat(r.note()).isEqualTo("a\u0001b\u001Fc");
        }

        @Test
        void rejectsAMissingCategory() {
            RowProblem p = rejected(Dataset.GRAIN, row(2, MONTH, "2014-07", QUANTITY_T, "1"));
            assertThat(p.column()).isEqualTo("commodity");
            assertThat(p.problem()).isEqualTo("missing value");
        }

        @Test
        void rejectsACategoryWithoutLettersOrDigits() {
            assertThat(rejected(Dataset.GRAIN, grain(2, "2014-07", "???", "1")).problem())
                    .isEqualTo("not a name: no letters or digits");
        }

        @Test
        void slugsLaborLocationsWithoutWarnings() {
            LaborRecord r = acceptedLabor(row(2, MONTH, "2014-10", LOCATION, "Dandong City", WORKERS_EMPLOYED, "2,500"));
            assertThat(r.location()).isEqualTo("dandong_city");
            assertThat(problems).isEmpty();
        }
    }

    @Nested
    class Oil {

        private SheetRow oil(String product, String quantity, String unit) {
            return row(2, MONTH, "2014-03", PRODUCT, product, QUANTITY, num(quantity), UNIT, unit);
        }

        @ParameterizedTest
        @ValueSource(strings = {"t", "T", "tonnes", "Tons", " TONNES "})
        void keepsTonnes(String unit) {
            assertThat(acceptedTrade(Dataset.OIL, oil("Diesel oil", "63.5", unit)))
                    .extracting(TradeRecord::category, TradeRecord::quantityTonnes)
                    .containsExactly("diesel", new BigDecimal("63.5"));
        }

        @Test
        void dividesKilogramsByAThousand() {
            assertThat(acceptedTrade(Dataset.OIL, oil("Lubricants", "1500", "kg")).quantityTonnes())
                    .isEqualTo(new BigDecimal("1.5"));
        }

        @Test
        void convertsBarrelsWithTheProductsFactor() {
            // 733 bbl of crude at 7.33 bbl/t = 100 t exactly
            assertThat(acceptedTrade(Dataset.OIL, oil("Crude oil", "733", "bbl")).quantityTonnes())
                    .isEqualTo(new BigDecimal("100"));
        }

        @Test
        void roundsBarrelsToGrams() {
            // 100,000 bbl of jet fuel (kerosene) / 7.88 = 12,690.3553299492...; 6 places, half-even: 12690.355330
            assertThat(acceptedTrade(Dataset.OIL, oil("Jet fuel", "100000", "barrels")).quantityTonnes())
                    .isEqualTo(new BigDecimal("12690.35533"));
        }

        @Test
        void rejectsBarrelsOfAProductWithoutFactor() {
            RowProblem p = rejected(Dataset.OIL, oil("Lubricants", "50", "bbl"));
            assertThat(p).isEqualTo(new RowProblem("oil.xlsx", "oil", 2, "unit", Severity.ERROR,
                    "barrels of lubricants cannot be converted: no barrels-per-tonne factor configured", "bbl"));
        }

        @Test
        void rejectsAnUnknownUnit() {
            RowProblem p = rejected(Dataset.OIL, oil("Diesel", "50", "litres"));
            assertThat(p.problem()).isEqualTo("unknown unit: expected t, tonnes, tons, kg, bbl or barrels");
            assertThat(p.value()).isEqualTo("litres");
        }

        @Test
        void rejectsAMissingUnit() {
            RowProblem p = rejected(Dataset.OIL, row(2, MONTH, "2014-03", PRODUCT, "Diesel", QUANTITY, num("5")));
            assertThat(p.column()).isEqualTo("unit");
            assertThat(p.problem()).isEqualTo("missing value");
        }
    }

    @Nested
    class Labor {

        @Test
        void convertsAWageWithTheYearsRate() {
            // 260,000 KRW x 0.000916 USD/KRW (2014) = 238.16 USD
            LaborRecord r = acceptedLabor(row(2, MONTH, "2014-10", LOCATION, "Dandong", WAGE, num("260000"),
                    WAGE_LOCAL, "440,000", CURRENCY, "krw", SOURCE, "IFES"));
            assertThat(r.currency()).isEqualTo("KRW");
            assertThat(r.wage()).isEqualTo(new BigDecimal("260000"));
            assertThat(r.wageLocal()).isEqualTo(new BigDecimal("440000"));
            assertThat(r.wageUsd()).isEqualTo(new BigDecimal("238.16"));
            assertThat(r.source()).isEqualTo("IFES");
            assertThat(problems).isEmpty();
        }

        @Test
        void keepsAWageWithoutRateAndWarnsOncePerCurrencyAndYear() {
            RowInterpreter interpreter = new RowInterpreter(Dataset.LABOR, PROPS, "labor.xlsx", "labor", false);
            LaborRecord r = (LaborRecord) interpret(interpreter,
                    row(5, MONTH, "2014-06", LOCATION, "Sunchon", WAGE, num("20000"), CURRENCY, "KPW")).orElseThrow();
            interpret(interpreter, row(6, MONTH, "2014-07", LOCATION, "Sunchon", WAGE, num("20000"), CURRENCY, "KPW"));
            assertThat(r.wage()).isEqualTo(new BigDecimal("20000"));
            assertThat(r.wageUsd()).isNull();
            assertThat(problems).containsExactly(new RowProblem("labor.xlsx", "labor", 5, "currency", Severity.WARNING,
                    "no USD rate for KPW in 2014: wage kept but not converted", "KPW"));
        }

        @Test
        void rejectsARowWithoutAnyFigure() {
            RowProblem p = rejected(Dataset.LABOR, row(2, MONTH, "2014-10", LOCATION, "Yanbian", CURRENCY, "CNY"));
            assertThat(p.problem()).isEqualTo("missing value: a labor row needs workers_entering, workers_employed or wage");
        }

        @Test
        void rejectsAWageWithoutCurrency() {
            RowProblem p = rejected(Dataset.LABOR, row(2, MONTH, "2014-10", LOCATION, "Yanbian", WAGE, num("1500")));
            assertThat(p.column()).isEqualTo("currency");
            assertThat(p.problem()).isEqualTo("missing value: a wage needs a currency");
        }

        @Test
        void rejectsFractionalWorkerCounts() {
            RowProblem p = rejected(Dataset.LABOR, row(2, MONTH, "2014-10", LOCATION, "Yanbian",
                    WORKERS_ENTERING, num("12.5")));
            assertThat(p.column()).isEqualTo("workers_entering");
            assertThat(p.problem()).isEqualTo("not a whole number");
        }

        @Test
        void readsWorkerCounts() {
            LaborRecord r = acceptedLabor(row(2, MONTH, "2013-12", LOCATION, "All China",
                    WORKERS_ENTERING, num("93000.0"), WORKERS_EMPLOYED, "4 500"));
            assertThat(r.workersEntering()).isEqualTo(93000L);
            assertThat(r.workersEmployed()).isEqualTo(4500L);
            assertThat(r.wage()).isNull();
        }
    }

    @Nested
    class Duplicates {

        @Test
        void reportsARowIdenticalToAnEarlierOneAndSkipsIt() {
            RowInterpreter interpreter = new RowInterpreter(Dataset.GRAIN, PROPS, "grain.xlsx", "grain", false);
            assertThat(interpret(interpreter, grain(2, "2014-07", "Rice", "8200"))).isPresent();
            assertThat(interpret(interpreter, grain(3, "2014-07", "Rice", "8201"))).isPresent();
            assertThat(interpret(interpreter, grain(4, "2014-07", "Rice", "8200"))).isEmpty();
            assertThat(interpret(interpreter, grain(5, "2014-07", "Rice", "8200"))).isEmpty();
            assertThat(problems).containsExactly(
                    new RowProblem("grain.xlsx", "grain", 4, "", Severity.WARNING, "duplicate of row 2", "2014-07 | Rice | 8200"),
                    new RowProblem("grain.xlsx", "grain", 5, "", Severity.WARNING, "duplicate of row 2", "2014-07 | Rice | 8200"));
        }

        @Test
        void comparesEveryCellIncludingExtraColumns() {
            RowInterpreter interpreter = new RowInterpreter(Dataset.GRAIN, PROPS, "grain.xlsx", "grain", false);
            Map<Column, CellValue> cells = Map.of(MONTH, text("2014-07"), COMMODITY, text("Rice"), QUANTITY_T, num("1"));
            assertThat(interpret(interpreter, new SheetRow(2, cells, List.of("2014-07", "Rice", "1", "line A")))).isPresent();
            assertThat(interpret(interpreter, new SheetRow(3, cells, List.of("2014-07", "Rice", "1", "line B")))).isPresent();
            assertThat(problems).isEmpty();
        }
    }
}
