package org.dprktrade.briefing.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.dprktrade.briefing.ingest.TestWorkbooks.write;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;

import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dprktrade.briefing.ingest.TestWorkbooks.DateSerial;
import org.dprktrade.briefing.ingest.TestWorkbooks.Formula;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetReaderTests {

    private static final IngestProperties PROPS = IngestProperties.defaults();
    private static final IngestProperties LENIENT = new IngestProperties(null, 1.0,
            org.springframework.util.unit.DataSize.ofMegabytes(512), null, null, null, null, null);
    private static final Object[] GRAIN_HEADER = {"month", "commodity", "quantity_t", "value_usd"};

    @TempDir
    Path dir;

    private final List<AcceptedRow> accepted = new ArrayList<>();
    private final List<RowProblem> problems = new ArrayList<>();

    private InputSummary read(Path file, Dataset dataset) {
        return DatasetReader.read(file, dataset, PROPS, accepted::add, problems::add);
    }

    private List<TradeRecord> trades() {
        return accepted.stream().map(TradeRecord.class::cast).toList();
    }

    private static String sha256Of(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Nested
    class WholeFile {

        @Test
        void countsRowsAndPassesOnRecordsAndProblems() throws Exception {
            Path file = write(dir, "grain.xlsx", "grain",
                    new Object[] {"Grain imports from China, tonnes"},
                    null,
                    GRAIN_HEADER,
                    new Object[] {"2014-07", "Wheat flour", 9100.5, 4550250},   // row 4: accepted
                    new Object[] {"2014-07", "Rice", -1},                      // row 5: rejected
                    null,                                                     // row 6: blank, not read
                    new Object[] {"2014-07", "Wheat flour", 9100.5, 4550250},   // row 7: duplicate of row 4
                    new Object[] {"Jul 2014", "Millet", 12},                   // row 8: accepted, unknown category
                    new Object[] {"Total", null, 9100.5});                     // row 9: total, not read
            InputSummary summary = DatasetReader.read(file, Dataset.GRAIN, LENIENT, accepted::add, problems::add);
            // read = rows 4, 5, 7, 8; accepted 4 and 8; rejected 5; warnings: duplicate 7, unknown millet 8
            assertThat(summary).isEqualTo(new InputSummary(Dataset.GRAIN, "grain.xlsx", "grain", sha256Of(file),
                    4, 2, 1, 2));
            assertThat(trades()).extracting(TradeRecord::row, TradeRecord::category, TradeRecord::quantityTonnes)
                    .containsExactly(tuple(4L, "flour", new BigDecimal("9100.5")),
                            tuple(8L, "millet", new BigDecimal("12")));
            assertThat(problems).extracting(RowProblem::row, RowProblem::severity, RowProblem::problem).containsExactly(
                    tuple(5L, Severity.ERROR, "negative number"),
                    tuple(7L, Severity.WARNING, "duplicate of row 4"),
                    tuple(8L, Severity.WARNING,
                            "unknown category 'millet': kept as it is (first of its rows)"));
        }

        @Test
        void readsFormulaCellsByTheirCachedValue() throws IOException {
            Path file = write(dir, "grain.xlsx", "grain", GRAIN_HEADER,
                    new Object[] {"2014-07", "Rice", new Formula("8000+200", 8200), new Formula("D3", "1,000")},
                    new Object[] {"2014-08", "Rice", new Formula("1+1", null)},
                    new Object[] {"2014-09", "Rice", new Formula("1/0", FormulaError.DIV0)},
                    new Object[] {"2014-10", "Rice", 1, new Formula("\"n/a\"", "n/a")});
            InputSummary summary = DatasetReader.read(file, Dataset.GRAIN, LENIENT, accepted::add,
                    problems::add);
            assertThat(summary.rowsAccepted()).isEqualTo(2);
            assertThat(trades()).extracting(TradeRecord::quantityTonnes, TradeRecord::valueUsd).containsExactly(
                    tuple(new BigDecimal("8200"), new BigDecimal("1000")),
                    tuple(new BigDecimal("1"), null));
            assertThat(problems).extracting(RowProblem::row, RowProblem::problem, RowProblem::value).containsExactly(
                    tuple(3L,
                            "formula without a cached value (open and save the file in a spreadsheet program)", ""),
                    tuple(4L, "error value in the cell", "#DIV/0!"));
        }

        @Test
        void readsALargeStreamedWorkbookRowByRow() throws IOException {
            // SXSSF writes inline strings, another path through the reader than shared strings
            Path file = dir.resolve("grain.xlsx");
            try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
                SXSSFSheet sheet = wb.createSheet("grain");
                var header = sheet.createRow(0);
                for (int c = 0; c < 3; c++) {
                    header.createCell(c).setCellValue((String) GRAIN_HEADER[c]);
                }
                for (int i = 1; i <= 20_000; i++) {
                    var row = sheet.createRow(i);
                    row.createCell(0).setCellValue(YearMonth.of(2000, 1).plusMonths(i / 10).toString());
                    row.createCell(1).setCellValue("c" + (i % 10));
                    row.createCell(2).setCellValue(i);
                }
                wb.write(out);
                wb.dispose();
            }
            BigDecimal[] sum = {BigDecimal.ZERO};
            InputSummary summary = DatasetReader.read(file, Dataset.GRAIN, PROPS,
                    r -> sum[0] = sum[0].add(((TradeRecord) r).quantityTonnes()), problems::add);
            // 1 + 2 + ... + 20000 = 20000 x 20001 / 2
            assertThat(sum[0]).isEqualByComparingTo("200010000");
            assertThat(summary.rowsRead()).isEqualTo(20_000);
            assertThat(summary.rowsAccepted()).isEqualTo(20_000);
            // c0..c9 are unknown categories: one warning each
            assertThat(summary.warnings()).isEqualTo(10);
        }
    }

    @Nested
    class Dates {

        @ParameterizedTest
        @ValueSource(strings = {"Pacific/Kiritimati", "Etc/GMT+12", "UTC"})
        void noJvmTimeZoneShiftsAMonth(String zone) throws IOException {
            TimeZone original = TimeZone.getDefault();
            try {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                Path file = write(dir, "grain.xlsx", "grain", GRAIN_HEADER,
                        new Object[] {LocalDate.of(2014, 7, 1), "Rice", 1},
                        new Object[] {LocalDate.of(2014, 7, 31), "Corn", 1},
                        new Object[] {LocalDate.of(2014, 1, 1), "Flour", 1},
                        new Object[] {LocalDate.of(2013, 12, 31), "Barley", 1});
                read(file, Dataset.GRAIN);
            } finally {
                TimeZone.setDefault(original);
            }
            assertThat(trades()).extracting(TradeRecord::month).containsExactly(YearMonth.of(2014, 7),
                    YearMonth.of(2014, 7), YearMonth.of(2014, 1), YearMonth.of(2013, 12));
        }

        @Test
        void readsA1904Workbook() throws IOException {
            Path file = write(dir, "grain.xlsx", wb -> {
                set1904(wb);
                TestWorkbooks.fill(wb, wb.createSheet("grain"), GRAIN_HEADER,
                        // 40359 in the 1904 system = 41821 - 1462 in the 1900 system = 2014-07-01
                        new Object[] {new DateSerial(40359), "Rice", 1},
                        new Object[] {new DateSerial(40358), "Rice", 2},
                        // POI writes a LocalDate as a 1904 serial in a 1904 workbook
                        new Object[] {LocalDate.of(2014, 8, 1), "Rice", 3});
            });
            read(file, Dataset.GRAIN);
            assertThat(trades()).extracting(TradeRecord::month).containsExactly(YearMonth.of(2014, 7),
                    YearMonth.of(2014, 6), YearMonth.of(2014, 8));
        }

        private static void set1904(XSSFWorkbook wb) {
            var ct = wb.getCTWorkbook();
            (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
        }
    }

    @Nested
    class RejectedShare {

        private Path grainWith(int good, int bad) throws IOException {
            Object[][] rows = new Object[1 + good + bad][];
            rows[0] = GRAIN_HEADER;
            for (int i = 1; i <= good + bad; i++) {
                rows[i] = new Object[] {"2014-07", "Rice", i <= good ? i : -i};
            }
            return write(dir, "grain.xlsx", "grain", rows);
        }

        @Test
        void failsAboveTheAllowedShareAfterPassingOnEveryProblem() throws IOException {
            Path file = grainWith(18, 1);
            assertThatThrownBy(() -> read(file, Dataset.GRAIN))
                    .isInstanceOf(InputFileException.class)
                    // 1 / 19 = 5.26 %
                    .hasMessage("grain.xlsx: 1 of 19 rows rejected (5.3 %), more than the allowed 5.0 %");
            assertThat(problems).extracting(RowProblem::row).containsExactly(20L);
            assertThat(accepted).hasSize(18);
        }

        @Test
        void passesAtExactlyTheAllowedShare() throws IOException {
            Path file = grainWith(19, 1);
            assertThat(read(file, Dataset.GRAIN).rowsRejected()).isEqualTo(1); // 1 / 20 = 5 %
        }

        @Test
        void checksAShareWithoutAFile() {
            Path file = Path.of("input", "grain.xlsx");
            assertThatThrownBy(() -> DatasetReader.checkRejectedShare(file, 100, 7, 0.05))
                    .hasMessage("grain.xlsx: 7 of 100 rows rejected (7.0 %), more than the allowed 5.0 %");
            assertThatCode(() -> DatasetReader.checkRejectedShare(file, 100, 5, 0.05)).doesNotThrowAnyException();
            assertThatCode(() -> DatasetReader.checkRejectedShare(file, 0, 0, 0.0)).doesNotThrowAnyException();
            assertThatThrownBy(() -> DatasetReader.checkRejectedShare(file,
                    new InputSummary(Dataset.GRAIN, "grain.xlsx", "grain", "", 3, 2, 1, 0), 0.0))
                    .hasMessage("grain.xlsx: 1 of 3 rows rejected (33.3 %), more than the allowed 0.0 %");
        }
    }

    @Nested
    class WrittenByLibreOffice {

        @Test
        void readsTheLibreOfficeFixtureExactly() throws Exception {
            Path file = Path.of("src/test/resources/fixtures/ingest/grain-libreoffice.xlsx");
            InputSummary summary = read(file, Dataset.GRAIN);
            // rows 3-7 are data (row 1 title, row 2 header, row 8 Total); 옥수수 is an unknown category
            assertThat(summary).isEqualTo(new InputSummary(Dataset.GRAIN, "grain-libreoffice.xlsx", "grain-libreoffice",
                    sha256Of(file), 5, 5, 0, 1));
            assertThat(trades()).extracting(TradeRecord::row, TradeRecord::month, TradeRecord::category,
                    TradeRecord::quantityTonnes, TradeRecord::valueUsd, TradeRecord::source).containsExactly(
                    tuple(3L, YearMonth.of(2014, 7), "flour", new BigDecimal("9100.5"),
                            new BigDecimal("4550250"), "illustrative"),
                    tuple(4L, YearMonth.of(2014, 7), "rice", new BigDecimal("8200"), null,
                            "illustrative"),
                    tuple(5L, YearMonth.of(2014, 8), "corn", new BigDecimal("2245.25"),
                            new BigDecimal("0"), "illustrative"),
                    tuple(6L, YearMonth.of(2014, 7), "barley", new BigDecimal("13.75"), null,
                            "illustrative"),
                    tuple(7L, YearMonth.of(2014, 8), "옥수수", new BigDecimal("0.5"), null,
                            "illustrative"));
            assertThat(problems).containsExactly(new RowProblem("grain-libreoffice.xlsx", "grain-libreoffice", 7,
                    "commodity", Severity.WARNING, "unknown category '옥수수': kept as it is (first of its rows)", "옥수수"));
        }
    }
}
