package org.dprktrade.briefing.cli;

import org.dprktrade.briefing.job.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dprktrade.briefing.ingest.TestWorkbooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5, "nothing lost, nothing half-done": hostile or broken input through the whole {@code run}
 * command. Every fault is a real file made here (no mocks). A refused workbook must give exit code 3 and
 * one line naming the file and what is wrong, leave the period's previous reports byte for byte, send
 * readers nothing (the outbox gains only the operators' {@code -run-failed.eml} notice), and the next good
 * run must work. Input that is odd but usable must come out whole in every output.
 *
 * <p>One good run of 2014-Q3 on the sample workbooks is made once; each test starts from a copy of its
 * input, reports, outbox and run history.
 */
class HostileInputFunctionalTests {

    private static final Path SAMPLE_INPUT = Path.of("input");
    private static final String PERIOD = "2014-Q3";
    /** The sample grain sheet: header in row 4, columns Month, Commodity, HS code, Quantity (t), Value (USD), Source, Note. */
    private static final int HEADER_ROW = 3;
    private static final String SHEET_XML = "xl/worksheets/sheet1.xml";
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";

    @TempDir
    static Path template;

    @TempDir
    Path work;

    private Path input;
    private Path reports;

    @BeforeAll
    static void oneGoodRunOfThePeriod() throws IOException {
        Path in = Files.createDirectories(template.resolve("input"));
        for (String name : List.of("grain.xlsx", "fertilizer.xlsx", "labor.xlsx", "oil.xlsx")) {
            Files.copy(SAMPLE_INPUT.resolve(name), in.resolve(name));
        }
        CommandResult good = CommandResult.run("run", "--period", PERIOD, "--input", in.toString(), "--reports",
                template.resolve("reports").toString());
        assertThat(good.exitCode()).as(good.err()).isZero();
    }

    @BeforeEach
    void startFromTheGoodRun() throws IOException {
        input = work.resolve("input");
        reports = work.resolve("reports");
        copyTree(template.resolve("input"), input);
        copyTree(template.resolve("reports"), reports);
    }

    @Nested
    class BrokenOrHostileWorkbooks {

        @Test
        void emptyFile() throws IOException {
            Files.write(grain(), new byte[0]);

            assertRefused(run(), "grain.xlsx: empty file (expected an xlsx workbook)");
        }

        @Test
        void truncatedZip() throws IOException {
            byte[] whole = Files.readAllBytes(grain());
            Files.write(grain(), Arrays.copyOf(whole, whole.length / 2));

            assertRefused(run(), "grain.xlsx: corrupt or truncated xlsx workbook, cannot be read (Truncated ZIP file)");
        }

        @Test
        void csvRenamedToXlsx() throws IOException {
            Files.writeString(grain(), "Month,Commodity,Quantity (t)\r\n2014-07,Rice,8200\r\n");

            assertRefused(run(), "grain.xlsx: not an xlsx workbook (no zip package inside; a CSV or text file"
                    + " renamed to .xlsx?) - save it as Excel Workbook .xlsx");
        }

        @Test
        void htmlPageRenamedToXlsx() throws IOException {
            // what "export to Excel" on many websites really downloads
            Files.writeString(grain(), "<!DOCTYPE html>\n<html><body><table><tr><th>Month</th><th>Commodity</th>"
                    + "<th>Quantity (t)</th></tr><tr><td>2014-07</td><td>Rice</td><td>8200</td></tr></table></body></html>");

            assertRefused(run(), "grain.xlsx: an HTML page, not an xlsx workbook (a web page or a website's 'Excel'"
                    + " export renamed to .xlsx?) - open it in a spreadsheet program and save it as Excel Workbook .xlsx");
        }

        @Test
        void pdfRenamedToXlsx() throws IOException {
            try (OutputStream out = Files.newOutputStream(grain())) {
                com.lowagie.text.Document pdf = new com.lowagie.text.Document();
                com.lowagie.text.pdf.PdfWriter.getInstance(pdf, out);
                pdf.open();
                pdf.add(new com.lowagie.text.Paragraph("Month Commodity Quantity (t)\n2014-07 Rice 8200"));
                pdf.close();
            }

            assertRefused(run(), "grain.xlsx: a PDF document, not an xlsx workbook (renamed to .xlsx?) - the figures"
                    + " must come as Excel Workbook .xlsx");
        }

        @Test
        void legacyXlsWorkbook() throws IOException {
            try (HSSFWorkbook xls = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(grain())) {
                Row header = xls.createSheet("grain").createRow(0);
                header.createCell(0).setCellValue("Month");
                header.createCell(1).setCellValue("Commodity");
                header.createCell(2).setCellValue("Quantity (t)");
                xls.write(out);
            }

            assertRefused(run(), "grain.xlsx: a legacy Excel 97-2003 (.xls) workbook, expected .xlsx; save it as"
                    + " Excel Workbook .xlsx");
        }

        @Test
        void passwordProtectedWorkbook() throws Exception {
            byte[] plain = Files.readAllBytes(grain());
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
                encryptor.confirmPassword("secret");
                try (OutputStream os = encryptor.getDataStream(fs)) {
                    os.write(plain);
                }
                try (OutputStream out = Files.newOutputStream(grain())) {
                    fs.writeFilesystem(out);
                }
            }

            assertRefused(run(), "grain.xlsx: the workbook is password-protected (encrypted); save an unprotected"
                    + " copy as .xlsx");
        }

        @Test
        void zipBombIsRefusedQuicklyWithPoisProtectionsLeftOn() throws IOException {
            double ratio = ZipSecureFile.getMinInflateRatio();
            long entrySize = ZipSecureFile.getMaxEntrySize();
            Path plain = copyOf(grain());
            // 300 MB of one data row over and over, deflated to about 0.3 % of that
            insertRepeated(plain, grain(), SHEET_XML, "</sheetData>",
                    "<row><c t=\"inlineStr\"><is><t>2014-07</t></is></c><c t=\"inlineStr\"><is><t>Rice</t></is></c>"
                            + "<c/><c><v>1</v></c></row>", 300_000_000L);
            assertThat(Files.size(grain())).isLessThan(3_000_000L);

            long start = System.nanoTime();
            CommandResult result = run();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertRefused(result, "grain.xlsx: refused as a possible zip bomb: xl/worksheets/sheet1.xml would expand"
                    + " to more than 100 times its compressed size");
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(ratio);
            assertThat(ZipSecureFile.getMaxEntrySize()).isEqualTo(entrySize);
        }

        @Test
        void zipWithTwoEntriesOfTheSameName() throws IOException {
            // one reader could take the first sheet1.xml, another the second: refuse rather than guess
            Path plain = copyOf(grain());
            TestWorkbooks.withDuplicateEntry(plain, grain(), SHEET_XML, "<worksheet xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\"><sheetData/></worksheet>");

            assertRefused(run(), "grain.xlsx: refused: the zip package holds more than one entry named"
                    + " xl/worksheets/sheet1.xml (a damaged or tampered file); save the workbook again from a"
                    + " spreadsheet program");
        }

        @ParameterizedTest
        @CsvSource({
                "xl/sharedStrings.xml, external entity, xl/sharedStrings.xml",
                "xl/sharedStrings.xml, billion laughs,  xl/sharedStrings.xml",
                "xl/worksheets/sheet1.xml, external entity, sheet grain",
                "xl/worksheets/sheet1.xml, billion laughs,  sheet grain"})
        void xmlEntityPayloads(String part, String payload, String named) throws IOException {
            Path secret = Files.writeString(work.resolve("secret.txt"), "TOP-SECRET");
            String root = part.equals(SHARED_STRINGS) ? "<sst" : "<worksheet";
            String doctype = payload.equals("billion laughs") ? billionLaughs(root.substring(1))
                    : "<!DOCTYPE " + root.substring(1) + " [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>";
            String reference = payload.equals("billion laughs") ? "&lol9;" : "&xxe;";
            Path plain = copyOf(grain());
            rewrite(plain, grain(), part, xml -> {
                String withDoctype = xml.replaceFirst(root, Matcher.quoteReplacement(doctype + root));
                return part.equals(SHARED_STRINGS)
                        ? withDoctype.replaceFirst("<t>Rice</t>", "<t>" + reference + "</t>")
                        : withDoctype.replaceFirst("</row>", "<c r=\"Z5\" t=\"inlineStr\"><is><t>" + reference
                                + "</t></is></c></row>");
            });

            CommandResult result = run();

            assertRefused(result, "grain.xlsx: unsafe XML refused: " + named + " declares a DOCTYPE (XML entities,"
                    + " as in XXE or billion-laughs attacks), which spreadsheet programs never write");
            assertThat(result.err()).doesNotContain("TOP-SECRET");
        }

        @Test
        void strictOpenXmlWorkbook() throws IOException {
            // Strict OOXML is the transitional format with the purl.oclc.org namespaces
            Path plain = copyOf(grain());
            rewriteAll(plain, grain(), xml -> xml
                    .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                            "http://purl.oclc.org/ooxml/officeDocument/relationships")
                    .replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                            "http://purl.oclc.org/ooxml/spreadsheetml/main"));

            assertRefused(run(), "grain.xlsx: a Strict Open XML workbook, which is not supported; save it as Excel"
                    + " Workbook .xlsx");
        }

        @Test
        void directoryWhereTheWorkbookShouldBe() throws IOException {
            Files.delete(grain());
            Files.createDirectory(grain());

            assertRefused(run(), "grain.xlsx: not a file (expected an xlsx workbook)");
        }

        @Test
        void fileAboveTheConfiguredSizeLimit() throws IOException {
            long size = Files.size(grain());

            assertRefused(run("--briefing.ingest.max-file-size=1KB"), "grain.xlsx: file is " + size
                    + " bytes, larger than the allowed 1024 bytes (briefing.ingest.max-file-size)");
        }
    }

    @Nested
    class Headers {

        @Test
        void twoColumnsMeaningTheSameColumnAreAmbiguousAndBothNamed() throws IOException {
            // both spell the column's own name (an alias alone, such as Tonnes, gives way to Quantity (t))
            editGrain(wb -> wb.getSheet("grain").getRow(HEADER_ROW).getCell(2).setCellValue("quantity_t"));

            assertRefused(run(), "grain.xlsx: ambiguous header in sheet grain, row 4: 'quantity_t' and 'Quantity (t)'"
                    + " both mean quantity_t; rename or remove one");
        }

        @Test
        void headersWithTrailingSpacesAndInAnotherCaseAreMatched() throws IOException {
            editGrain(wb -> {
                Row header = wb.getSheet("grain").getRow(HEADER_ROW);
                header.getCell(0).setCellValue("MONTH  ");
                header.getCell(1).setCellValue(" commodity\u00A0");
                header.getCell(3).setCellValue("QUANTITY (T) ");
            });

            CommandResult result = run();

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(indicators(reports)).isEqualTo(indicators(template.resolve("reports")));
        }

        @Test
        void aHiddenSheetNamedAfterTheDatasetIsStillTheOneRead() throws IOException {
            editGrain(wb -> {
                wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("About these figures");
                wb.setSheetOrder("Notes", 0);
                wb.setActiveSheet(0);
                wb.setSelectedTab(0);
                wb.getSheet("grain").setSelected(false);
                wb.setSheetHidden(wb.getSheetIndex("grain"), true);
            });

            CommandResult result = run();

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(indicators(reports)).isEqualTo(indicators(template.resolve("reports")));
        }
    }

    @Nested
    class Cells {

        @Test
        void badCellsAreListedAsRowErrorsAndChangeNoFigure() throws IOException {
            List<Integer> rows = new ArrayList<>();
            editGrain(wb -> {
                Sheet sheet = wb.getSheet("grain");
                CellStyle dateStyle = sheet.getRow(HEADER_ROW + 1).getCell(0).getCellStyle();
                Consumer<Object[]> add = cells -> rows.add(appendRow(sheet, dateStyle, cells));
                add.accept(new Object[] {LocalDate.of(2014, 8, 1), "Rice", new Formula("D5*2", null)});
                add.accept(new Object[] {LocalDate.of(2014, 8, 1), "Rice", new Formula("1/0", FormulaError.DIV0)});
                add.accept(new Object[] {LocalDate.of(2014, 8, 1), "Rice", new Formula("D5*2", FormulaError.REF)});
                add.accept(new Object[] {LocalDate.of(2014, 8, 1), "Rice", 111_111});
                add.accept(new Object[] {LocalDate.of(2014, 8, 1), "Rice", 222_222});
                add.accept(new Object[] {LocalDate.of(2014, 8, 1), "Rice", 333_333});
                add.accept(new Object[] {41_821, "Rice", 5}); // 2014-07-01 as a serial, General format
                add.accept(new Object[] {"2014-13", "Rice", 5});
                add.accept(new Object[] {"2014-00", "Rice", 5});
                add.accept(new Object[] {"Febuary 2014", "Rice", 5});
                add.accept(new Object[] {"2014/02/30", "Rice", 5});
            });
            // numeric cells no spreadsheet program can write, as a broken generator would
            Path staged = copyOf(grain());
            rewrite(staged, grain(), SHEET_XML, xml -> xml
                    .replace("<v>111111.0</v>", "<v>NaN</v>")
                    .replace("<v>222222.0</v>", "<v>INF</v>")
                    .replace("<v>333333.0</v>", "<v>1E400</v>"));

            // 11 of about 195 rows rejected: allow more than the default 5 %
            CommandResult result = run("--briefing.ingest.max-rejected-share=0.1");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(dataQuality(reports)).contains(
                    "grain.xlsx,grain," + rows.get(0) + ",quantity_t,error,formula without a cached value (open and"
                            + " save the file in a spreadsheet program),",
                    "grain.xlsx,grain," + rows.get(1) + ",quantity_t,error,error value in the cell,#DIV/0!",
                    "grain.xlsx,grain," + rows.get(2) + ",quantity_t,error,error value in the cell,#REF!",
                    "grain.xlsx,grain," + rows.get(3) + ",quantity_t,error,not a finite number (beyond what a"
                            + " spreadsheet cell can hold),NaN",
                    "grain.xlsx,grain," + rows.get(4) + ",quantity_t,error,not a finite number (beyond what a"
                            + " spreadsheet cell can hold),INF",
                    "grain.xlsx,grain," + rows.get(5) + ",quantity_t,error,not a finite number (beyond what a"
                            + " spreadsheet cell can hold),1E400",
                    "grain.xlsx,grain," + rows.get(6) + ",month,error,\"not a month: expected YYYY-MM, Mon YYYY or a"
                            + " date (a plain number is not a date; format the cell as a date or write YYYY-MM)\",41821.0",
                    "grain.xlsx,grain," + rows.get(7) + ",month,error,\"not a month: expected YYYY-MM, Mon YYYY or a"
                            + " date\",2014-13",
                    "grain.xlsx,grain," + rows.get(8) + ",month,error,\"not a month: expected YYYY-MM, Mon YYYY or a"
                            + " date\",2014-00",
                    "grain.xlsx,grain," + rows.get(9) + ",month,error,\"not a month: expected YYYY-MM, Mon YYYY or a"
                            + " date\",Febuary 2014",
                    "grain.xlsx,grain," + rows.get(10) + ",month,error,\"not a month: expected YYYY-MM, Mon YYYY or a"
                            + " date\",2014/02/30");
            // rejected rows are listed, never counted: every indicator is the good run's
            assertThat(indicators(reports)).isEqualTo(indicators(template.resolve("reports")));
        }

        @Test
        void aWorkbookCountingDatesFrom1904GivesTheSameMonths() throws IOException {
            editGrain(wb -> {
                Sheet sheet = wb.getSheet("grain");
                List<Cell> dates = new ArrayList<>();
                List<LocalDate> values = new ArrayList<>();
                for (Row row : sheet) {
                    Cell month = row.getCell(0);
                    if (month != null && month.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(month)) {
                        dates.add(month);
                        values.add(month.getLocalDateTimeCellValue().toLocalDate());
                    }
                }
                double before = dates.get(0).getNumericCellValue();
                (wb.getCTWorkbook().isSetWorkbookPr() ? wb.getCTWorkbook().getWorkbookPr()
                        : wb.getCTWorkbook().addNewWorkbookPr()).setDate1904(true);
                for (int i = 0; i < dates.size(); i++) {
                    dates.get(i).setCellValue(values.get(i));
                }
                // the same date is 1,462 days fewer in the 1904 system
                assertThat(dates.get(0).getNumericCellValue()).isEqualTo(before - 1462);
            });

            CommandResult result = run();

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(indicators(reports)).isEqualTo(indicators(template.resolve("reports")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Pacific/Pago_Pago", "Pacific/Kiritimati"})
        void dateCellsGiveTheSameMonthsWhateverTheDefaultTimeZone(String zone) throws IOException {
            // the sample's dates are first days of months: a shift of one day would move them a month back
            TimeZone before = TimeZone.getDefault();
            CommandResult result;
            try {
                TimeZone.setDefault(TimeZone.getTimeZone(zone)); // UTC-11 and UTC+14
                result = run();
            } finally {
                TimeZone.setDefault(before);
            }

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(indicators(reports)).isEqualTo(indicators(template.resolve("reports")));
        }

        @Test
        void overlongTextAndControlCharactersLeaveEveryOutputReadable() throws IOException {
            List<Integer> rows = new ArrayList<>();
            editGrain(wb -> {
                Sheet sheet = wb.getSheet("grain");
                CellStyle dateStyle = sheet.getRow(HEADER_ROW + 1).getCell(0).getCellStyle();
                rows.add(appendRow(sheet, dateStyle, LocalDate.of(2014, 7, 1), "Rice", 0, null, "LONG-SOURCE",
                        "CONTROL-NOTE"));
                rows.add(appendRow(sheet, dateStyle, LocalDate.of(2014, 7, 1), "Corn", 0, null, "CONTROL-SOURCE",
                        "LONG-NOTE"));
                rows.add(appendRow(sheet, dateStyle, "LONG-MONTH", "Rice", 1));
                rows.add(appendRow(sheet, dateStyle, "CONTROL-MONTH", "Rice", 1));
            });
            // written as Excel stores them: POI's user model will not write a cell over 32,767 characters,
            // and control characters go into the XML as _xHHHH_ escapes. The long texts are varied: 40,000
            // equal letters would compress below 1 % and be refused as a zip bomb, rightly.
            String control = "a_x0001_b_x0007_c_x001B_[31md_x000B_e";
            String longSource = prose(40_000, 1);
            String longMonth = prose(40_000, 2);
            Path staged = copyOf(grain());
            rewrite(staged, grain(), SHARED_STRINGS, xml -> xml
                    .replace(">LONG-SOURCE<", ">" + longSource + "<")
                    .replace(">LONG-NOTE<", ">" + prose(40_000, 3) + "<")
                    .replace(">LONG-MONTH<", ">" + longMonth + "<")
                    .replace(">CONTROL-NOTE<", ">" + control + "<")
                    .replace(">CONTROL-SOURCE<", ">" + control + "<")
                    .replace(">CONTROL-MONTH<", ">2014_x0007_-07<"));

            CommandResult result = run();

            assertThat(result.exitCode()).as(result.err()).isZero();
            Path dir = reports.resolve(PERIOD);
            assertThat(dataQuality(reports)).contains(
                    "grain.xlsx,grain," + rows.get(2) + ",month,error,\"not a month: expected YYYY-MM, Mon YYYY or a"
                            + " date\"," + longMonth.substring(0, 500) + "\u2026 (40000 characters)",
                    "grain.xlsx,grain," + rows.get(3) + ",month,error,\"not a month: expected YYYY-MM, Mon YYYY or a"
                            + " date\",2014\u0007-07");
            try (Workbook workbook = WorkbookFactory.create(dir.resolve("briefing-" + PERIOD + ".xlsx").toFile(), null,
                    true)) {
                List<String> values = columnTexts(workbook.getSheet("Data quality"), 6);
                assertThat(values).contains(longMonth.substring(0, 500) + "\u2026 (40000 characters)");
                assertThat(values).anyMatch(v -> v.startsWith("2014") && v.endsWith("-07"));
            }
            try (PDDocument pdf = Loader.loadPDF(dir.resolve("briefing-" + PERIOD + ".pdf").toFile())) {
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text).contains("quarterly briefing, " + PERIOD).contains(longSource.substring(0, 20));
            }
        }
    }

    @Nested
    class TextForOtherPrograms {

        @Test
        void formulaLikeInputIsNeutralisedInBothCsvsAndStaysTextInTheWorkbook() throws IOException {
            List<Integer> rows = new ArrayList<>();
            List<String> names = List.of("\tcmd", "=HYPERLINK(\"http://x\")", "+1", "@SUM(1)", "-2+3", "\rcmd2", "=cmd");
            editGrain(wb -> {
                Sheet sheet = wb.getSheet("grain");
                CellStyle dateStyle = sheet.getRow(HEADER_ROW + 1).getCell(0).getCellStyle();
                for (String name : names) {
                    rows.add(appendRow(sheet, dateStyle, LocalDate.of(2014, 7, 1), name, 10, null, "=1+1", "@SUM(A1)"));
                }
                rows.add(appendRow(sheet, dateStyle, LocalDate.of(2014, 7, 1), "Rice", "-2+3", null, "+1", "-1"));
            });

            CommandResult result = run();

            assertThat(result.exitCode()).as(result.err()).isZero();
            // indicators: categories are slugs (letters and digits first), values plain numbers, negatives kept
            List<String> indicators = indicators(reports);
            assertThat(indicators).contains("2014-Q3,grain,hyperlink_http_x,quantity_t,10,t",
                    "2014-Q3,grain,1,quantity_t,10,t", "2014-Q3,grain,sum_1,quantity_t,10,t",
                    "2014-Q3,grain,2_3,quantity_t,10,t", "2014-Q3,grain,cmd,quantity_t,20,t",
                    "2014-Q3,grain,cmd2,quantity_t,10,t", "2014-Q3,oil,crude_oil,yoy_pct,-100,%");
            for (String line : indicators.subList(1, indicators.size())) {
                String[] f = line.split(",", -1);
                assertThat(f).hasSize(6);
                assertThat(List.of(f[0], f[1], f[2], f[3], f[5])).noneMatch(HostileInputFunctionalTests::risky);
                assertThat(f[4]).matches("|-?\\d+(\\.\\d{1,4})?");
            }
            // data quality: every value from the input that a spreadsheet would run starts with '
            assertThat(dataQuality(reports)).contains(
                    "grain.xlsx,grain," + rows.get(0) + ",commodity,warning,unknown category 'cmd': kept as it is"
                            + " (first of its rows),'\tcmd",
                    "grain.xlsx,grain," + rows.get(1) + ",commodity,warning,unknown category 'hyperlink_http_x': kept"
                            + " as it is (first of its rows),\"'=HYPERLINK(\"\"http://x\"\")\"",
                    "grain.xlsx,grain," + rows.get(2) + ",commodity,warning,unknown category '1': kept as it is"
                            + " (first of its rows),'+1",
                    "grain.xlsx,grain," + rows.get(3) + ",commodity,warning,unknown category 'sum_1': kept as it is"
                            + " (first of its rows),'@SUM(1)",
                    "grain.xlsx,grain," + rows.get(4) + ",commodity,warning,unknown category '2_3': kept as it is"
                            + " (first of its rows),'-2+3",
                    "grain.xlsx,grain," + rows.get(5) + ",commodity,warning,unknown category 'cmd2': kept as it is"
                            + " (first of its rows),\"'\rcmd2\"",
                    "grain.xlsx,grain," + rows.get(7) + ",quantity_t,error,not a number,'-2+3");
            // the workbook: input text in plain text cells, the only formulas the product's own totals
            // (SUM over detail rows, and the Charts sheet's references to those totals)
            Path xlsx = reports.resolve(PERIOD).resolve("briefing-" + PERIOD + ".xlsx");
            try (Workbook workbook = WorkbookFactory.create(xlsx.toFile(), null, true)) {
                for (Sheet sheet : workbook) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            if (cell.getCellType() == CellType.FORMULA) {
                                assertThat(cell.getCellFormula()).as(sheet.getSheetName() + "!" + cell.getAddress())
                                        .matches("SUM\\([A-Z]+\\d+:[A-Z]+\\d+\\)|(grain|fertilizer|labor|oil)![A-Z]+\\d+");
                            }
                        }
                    }
                }
                Sheet quality = workbook.getSheet("Data quality");
                List<Cell> values = new ArrayList<>();
                quality.forEach(r -> {
                    if (r.getCell(6) != null) {
                        values.add(r.getCell(6));
                    }
                });
                assertThat(values).filteredOn(c -> c.getCellType() == CellType.STRING)
                        .extracting(Cell::getStringCellValue)
                        .contains("=HYPERLINK(\"http://x\")", "+1", "@SUM(1)", "-2+3", "\tcmd");
                assertThat(values).noneMatch(c -> c.getCellType() == CellType.FORMULA);
                // the Summary shows the names as the inputs wrote them, as text, never as formulas
                assertThat(columnTexts(workbook.getSheet("Summary"), 1))
                        .contains("=HYPERLINK(\"http://x\")", "@SUM(1)", "-2+3");
                for (Row row : workbook.getSheet("Summary")) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }

        @Test
        void koreanChineseAndSupplementaryPlaneTextSurvivesEveryOutput() throws IOException {
            editGrain(wb -> {
                Sheet sheet = wb.getSheet("grain");
                CellStyle dateStyle = sheet.getRow(HEADER_ROW + 1).getCell(0).getCellStyle();
                appendRow(sheet, dateStyle, LocalDate.of(2014, 7, 1), "쌀", 100, null, "조선중앙통신", "메모");
                appendRow(sheet, dateStyle, LocalDate.of(2014, 8, 1), "大米", 200, null, "海关总署", "备注");
                appendRow(sheet, dateStyle, LocalDate.of(2014, 9, 1), "𠮷野家", 300, null, "𠮷 source", "📦");
            });

            CommandResult result = run();

            assertThat(result.exitCode()).as(result.err()).isZero();
            Path dir = reports.resolve(PERIOD);
            // CSV bytes are UTF-8: decoding strictly would fail on anything else
            String indicators = strictUtf8(dir.resolve("indicators-" + PERIOD + ".csv"));
            assertThat(indicators).contains("2014-Q3,grain,쌀,quantity_t,100,t", "2014-Q3,grain,大米,quantity_t,200,t",
                    "2014-Q3,grain,𠮷野家,quantity_t,300,t");
            String quality = strictUtf8(dir.resolve("data-quality-" + PERIOD + ".csv"));
            assertThat(quality).contains("unknown category '쌀'", "unknown category '大米'", "unknown category '𠮷野家'");
            try (Workbook workbook = WorkbookFactory.create(dir.resolve("briefing-" + PERIOD + ".xlsx").toFile(), null,
                    true)) {
                assertThat(columnTexts(workbook.getSheet("Summary"), 1)).contains("쌀", "大米", "𠮷野家");
                assertThat(columnTexts(workbook.getSheet("grain"), 2)).contains("쌀", "大米", "𠮷野家");
            }
            try (PDDocument pdf = Loader.loadPDF(dir.resolve("briefing-" + PERIOD + ".pdf").toFile())) {
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text).contains("쌀", "大米", "조선중앙통신", "海关总署");
            }
        }

        @Test
        void supplementaryPlaneCharactersAndEmojiAppearInThePdf() throws IOException {
            editGrain(wb -> {
                Sheet sheet = wb.getSheet("grain");
                CellStyle dateStyle = sheet.getRow(HEADER_ROW + 1).getCell(0).getCellStyle();
                appendRow(sheet, dateStyle, LocalDate.of(2014, 9, 1), "𠮷野家", 300, null, "𠮷 customs 😀", "");
            });

            CommandResult result = run();

            assertThat(result.exitCode()).as(result.err()).isZero();
            try (PDDocument pdf = Loader.loadPDF(reports.resolve(PERIOD).resolve("briefing-" + PERIOD + ".pdf").toFile())) {
                assertThat(new PDFTextStripper().getText(pdf)).contains("𠮷野家", "𠮷 customs 😀");
            }
        }
    }

    // ---- running and checking -------------------------------------------------------------------

    private Path grain() {
        return input.resolve("grain.xlsx");
    }

    private CommandResult run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--period", PERIOD, "--input", input.toString(),
                "--reports", reports.toString()));
        args.addAll(List.of(extra));
        return CommandResult.run(args.toArray(String[]::new));
    }

    /** Exit 3, exactly this one line, the previous reports as they were, readers sent nothing; then a good run. */
    private void assertRefused(CommandResult result, String message) throws IOException {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.INPUT_DATA);
        assertThat(result.err().lines()).containsExactly("briefing: " + PERIOD + ": " + message);
        assertNothingHalfDone(result);
    }

    private void assertNothingHalfDone(CommandResult result) throws IOException {
        assertThat(result.out()).isEmpty();
        assertPreviousReportsUntouched();
        assertThat(newOutboxFiles()).as("only the operators' notice").singleElement().asString()
                .endsWith("-run-failed.eml");
        assertNextGoodRunWorks();
    }

    private void assertPreviousReportsUntouched() throws IOException {
        Path before = template.resolve("reports").resolve(PERIOD);
        Path after = reports.resolve(PERIOD);
        assertThat(fileNames(after)).isEqualTo(fileNames(before));
        for (String name : fileNames(before)) {
            assertThat(Files.mismatch(before.resolve(name), after.resolve(name))).as(name).isEqualTo(-1L);
        }
    }

    private void assertNextGoodRunWorks() throws IOException {
        Set<String> outboxBefore = fileNames(reports.resolve("outbox"));
        deleteTree(input);
        copyTree(template.resolve("input"), input);

        CommandResult next = run();

        assertThat(next.exitCode()).as(next.err()).isZero();
        Set<String> added = new TreeSet<>(fileNames(reports.resolve("outbox")));
        added.removeAll(outboxBefore);
        assertThat(added).singleElement().asString().endsWith(".eml").doesNotEndWith("-run-failed.eml");
    }

    private Set<String> newOutboxFiles() throws IOException {
        Set<String> added = new TreeSet<>(fileNames(reports.resolve("outbox")));
        added.removeAll(fileNames(template.resolve("reports").resolve("outbox")));
        return added;
    }

    private static List<String> indicators(Path reportsDir) throws IOException {
        return Files.readAllLines(reportsDir.resolve(PERIOD).resolve("indicators-" + PERIOD + ".csv"),
                StandardCharsets.UTF_8);
    }

    /** The data-quality CSV's records (a record may hold a quoted CR, so split on CRLF only). */
    private static List<String> dataQuality(Path reportsDir) throws IOException {
        String text = strictUtf8(reportsDir.resolve(PERIOD).resolve("data-quality-" + PERIOD + ".csv"));
        return List.of(text.split("\r\n"));
    }

    private static String strictUtf8(Path file) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    }

    private static boolean risky(String field) {
        return !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0;
    }

    private static List<String> columnTexts(Sheet sheet, int column) {
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING) {
                texts.add(cell.getStringCellValue());
            }
        }
        return texts;
    }

    // ---- making the faults ----------------------------------------------------------------------

    /** Letters and spaces, varied enough not to compress like a zip bomb; the same for the same seed. */
    private static String prose(int length, long seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            sb.append(random.nextInt(7) == 0 && sb.length() > 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    /** A formula cell with a cached number, an error code, or (null) no cached value. */
    private record Formula(String formula, Object cached) {
    }

    /** Opens input/grain.xlsx (the sample) with POI's user model, edits it and writes it back. */
    private void editGrain(Consumer<XSSFWorkbook> edit) throws IOException {
        XSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(grain())) {
            workbook = new XSSFWorkbook(in);
        }
        try (workbook; OutputStream out = Files.newOutputStream(grain())) {
            edit.accept(workbook);
            workbook.write(out);
        }
    }

    /**
     * Appends a row below the last one: month, commodity, quantity (t), value (USD), source, note; HS code
     * left empty. Returns its 1-based row number.
     */
    private static int appendRow(Sheet sheet, CellStyle dateStyle, Object month, Object commodity, Object quantity,
                                 Object... valueSourceNote) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        Object[] cells = new Object[3 + valueSourceNote.length];
        cells[0] = month;
        cells[1] = commodity;
        cells[2] = quantity;
        System.arraycopy(valueSourceNote, 0, cells, 3, valueSourceNote.length);
        int[] columns = {0, 1, 3, 4, 5, 6};
        for (int i = 0; i < cells.length; i++) {
            Object v = cells[i];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(columns[i]);
            if (v instanceof String s) {
                cell.setCellValue(s);
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(dateStyle);
            } else if (v instanceof Formula f) {
                cell.setCellFormula(f.formula());
                if (f.cached() instanceof FormulaError e) {
                    cell.setCellErrorValue(e.getCode());
                }
            }
        }
        return row.getRowNum() + 1;
    }

    private static int appendRow(Sheet sheet, CellStyle dateStyle, Object[] cells) {
        return appendRow(sheet, dateStyle, cells[0], cells[1], cells[2],
                Arrays.copyOfRange(cells, 3, cells.length));
    }

    private Path copyOf(Path file) throws IOException {
        return Files.copy(file, work.resolve("original-" + file.getFileName()));
    }

    /** Copies a zip, changing the text of one entry. */
    private static void rewrite(Path from, Path to, String entry, UnaryOperator<String> change) throws IOException {
        copyZip(from, to, (name, text) -> name.equals(entry) ? change.apply(text) : text);
    }

    /** Copies a zip, changing the text of every XML entry. */
    private static void rewriteAll(Path from, Path to, UnaryOperator<String> change) throws IOException {
        copyZip(from, to, (name, text) -> name.endsWith(".xml") || name.endsWith(".rels") ? change.apply(text) : text);
    }

    private static void copyZip(Path from, Path to, java.util.function.BinaryOperator<String> change) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                String text = new String(in.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(change.apply(e.getName(), text).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    /**
     * Copies a zip, writing {@code repeated} over and over in one entry just before {@code before}, until
     * about {@code bytes} bytes: a zip bomb of a few megabytes on disk, streamed, never held in memory.
     */
    private static void insertRepeated(Path from, Path to, String entry, String before, String repeated, long bytes)
            throws IOException {
        byte[] unit = repeated.repeat(65_536 / repeated.length()).getBytes(StandardCharsets.UTF_8);
        try (ZipFile in = new ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(to)))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                String text = new String(in.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(entry)) {
                    int at = text.indexOf(before);
                    out.write(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    for (long written = 0; written < bytes; written += unit.length) {
                        out.write(unit);
                    }
                    out.write(text.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
    }

    /** Entities nesting nine deep under the root: 10^9 copies of "lol" (3 GB) if a parser expanded them. */
    private static String billionLaughs(String root) {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE " + root + " [<!ENTITY lol \"lol\">");
        String previous = "lol";
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">");
            previous = "lol" + i;
        }
        return dtd.append("]>").toString();
    }

    // ---- files ----------------------------------------------------------------------------------

    private static Set<String> fileNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
