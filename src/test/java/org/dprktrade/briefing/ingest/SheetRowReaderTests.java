package org.dprktrade.briefing.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dprktrade.briefing.ingest.TestWorkbooks.DATE_STYLE_1;
import static org.dprktrade.briefing.ingest.TestWorkbooks.rawXlsx;
import static org.dprktrade.briefing.ingest.TestWorkbooks.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dprktrade.briefing.ingest.CellValue.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class SheetRowReaderTests {

    private static final IngestProperties PROPS = IngestProperties.defaults();

    @TempDir
    Path dir;

    private static List<SheetRow> readAll(SheetRowReader reader) {
        List<SheetRow> rows = new ArrayList<>();
        SheetRow row;
        while ((row = reader.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    private static CellValue text(String s) {
        return new CellValue(Kind.TEXT, s, false);
    }

    private static CellValue number(String s) {
        return new CellValue(Kind.NUMBER, s, false);
    }

    @Nested
    class HeaderAndSheet {

        @Test
        void skipsTitleNotesAndBlankRowsAboveTheHeader() throws IOException {
            Path file = write(dir, "grain.xlsx", "grain",
                    new Object[] {"Grain imports from China"},
                    null,
                    new Object[] {"Note: monthly, tonnes", null, "month is the customs month"},
                    new Object[] {"month", "commodity", "quantity_t"},
                    new Object[] {"2014-07", "Rice", 8200});
            try (SheetRowReader reader = SheetRowReader.open(file, Dataset.GRAIN, PROPS)) {
                assertThat(reader.headerRow()).isEqualTo(4);
                assertThat(reader.headerTexts()).containsExactly("month", "commodity", "quantity_t");
                assertThat(reader.sheetName()).isEqualTo("grain");
                assertThat(reader.fileName()).isEqualTo("grain.xlsx");
                List<SheetRow> rows = readAll(reader);
                assertThat(rows).hasSize(1);
                assertThat(rows.get(0).row()).isEqualTo(5);
                assertThat(rows.get(0).cells()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        Column.MONTH, text("2014-07"), Column.COMMODITY, text("Rice"),
                        Column.QUANTITY_T, number("8200.0")));
            }
        }

        @Test
        void matchesAliasHeadersInAnyOrderAndIgnoresExtraColumns() throws IOException {
            Path file = write(dir, "grain.xlsx", "grain",
                    new Object[] {"Tonnes", "Remarks", "ITEM", "Period", "Value (USD)", "Source"},
                    new Object[] {19559, "x", "Flour", "2014-07", 1000, "KITA"});
            try (SheetRowReader reader = SheetRowReader.open(file, Dataset.GRAIN, PROPS)) {
                SheetRow row = reader.next();
                assertThat(row.cells()).containsOnlyKeys(Column.QUANTITY_T, Column.COMMODITY, Column.MONTH,
                        Column.VALUE_USD, Column.SOURCE);
                assertThat(row.cell(Column.QUANTITY_T)).isEqualTo(number("19559.0"));
                assertThat(row.cell(Column.MONTH)).isEqualTo(text("2014-07"));
                assertThat(row.cell(Column.NOTE)).isEqualTo(CellValue.BLANK);
                // the extra column still counts for duplicate detection
                assertThat(row.rawTexts()).containsExactly("19559.0", "x", "Flour", "2014-07", "1000.0", "KITA");
            }
        }

        @Test
        void choosesTheSheetNamedAfterTheDatasetIgnoringCase() throws IOException {
            Path file = write(dir, "book.xlsx", wb -> {
                TestWorkbooks.fill(wb, wb.createSheet("Notes"), new Object[] {"month", "commodity", "quantity_t"},
                        new Object[] {"2000-01", "wrong", 1});
                TestWorkbooks.fill(wb, wb.createSheet("GRAIN"), new Object[] {"month", "commodity", "quantity_t"},
                        new Object[] {"2014-07", "right", 1});
            });
            try (SheetRowReader reader = SheetRowReader.open(file, Dataset.GRAIN, PROPS)) {
                assertThat(reader.sheetName()).isEqualTo("GRAIN");
                assertThat(reader.next().cell(Column.COMMODITY).raw()).isEqualTo("right");
            }
        }

        @Test
        void otherwiseReadsTheFirstVisibleSheet() throws IOException {
            Map<String, String> sheets = new LinkedHashMap<>();
            sheets.put("~Hidden", row(1, "month", "commodity", "quantity_t") + row(2, "2000-01", "hidden", "1"));
            sheets.put("Data", row(1, "month", "commodity", "quantity_t") + row(2, "2014-07", "visible", "1"));
            Path file = rawXlsx(dir, "book.xlsx", false, null, sheets);
            try (SheetRowReader reader = SheetRowReader.open(file, Dataset.GRAIN, PROPS)) {
                assertThat(reader.sheetName()).isEqualTo("Data");
                assertThat(reader.next().cell(Column.COMMODITY).raw()).isEqualTo("visible");
            }
        }

        @Test
        void prefersTheColumnsOwnNameOverAnAlias() throws IOException {
            // "quantity" is an alias of quantity_t; the sheet also names quantity_t itself, which wins
            Path file = write(dir, "grain.xlsx", "grain",
                    new Object[] {"month", "commodity", "quantity", "Quantity_T"},
                    new Object[] {"2014-07", "Rice", 8200000, 8200});
            try (SheetRowReader reader = SheetRowReader.open(file, Dataset.GRAIN, PROPS)) {
                assertThat(reader.next().cell(Column.QUANTITY_T)).isEqualTo(number("8200.0"));
            }
        }

        @Test
        void refusesTwoAliasesOfTheSameColumn() throws IOException {
            Path file = write(dir, "grain.xlsx", "grain",
                    new Object[] {"month", "commodity", "Tonnes", "Quantity"},
                    new Object[] {"2014-07", "Rice", 8200, 8200});
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .isInstanceOf(InputFileException.class)
                    .hasMessage("grain.xlsx: ambiguous header in sheet grain, row 1: 'Tonnes' and 'Quantity' both mean"
                            + " quantity_t; rename or remove one");
        }

        @Test
        void usesConfiguredHeaderAliases() throws IOException {
            IngestProperties props = new IngestProperties(null, 0.05, DataSize.ofMegabytes(1),
                    Map.of("quantity_t", List.of("Menge (t)")), null, null, null, null);
            Path file = write(dir, "grain.xlsx", "grain",
                    new Object[] {"month", "commodity", "Menge (t)"},
                    new Object[] {"2014-07", "Rice", 5});
            try (SheetRowReader reader = SheetRowReader.open(file, Dataset.GRAIN, props)) {
                assertThat(reader.next().cell(Column.QUANTITY_T)).isEqualTo(number("5.0"));
            }
        }

        @Test
        void matchesHeadersWithTrailingSpacesNoBreakSpacesAndAnyCase() throws IOException {
            Path file = write(dir, "grain.xlsx", "grain",
                    new Object[] {"  MONTH  ", "Commodity\u00A0", "quantity_T\t"},
                    new Object[] {"2014-07", "Rice", 5});
            try (SheetRowReader reader = SheetRowReader.open(file, Dataset.GRAIN, PROPS)) {
                assertThat(reader.next().cells()).containsOnlyKeys(Column.MONTH, Column.COMMODITY, Column.QUANTITY_T);
            }
        }

        @Test
        void refusesTwoHeadersSpellingTheColumnsOwnNameNamingBoth() throws IOException {
            Path file = write(dir, "grain.xlsx", "grain",
                    new Object[] {"month", "commodity", "quantity_t", "Quantity_T "},
                    new Object[] {"2014-07", "Rice", 1, 2});
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .hasMessage("grain.xlsx: ambiguous header in sheet grain, row 1: 'quantity_t' and 'Quantity_T' both"
                            + " mean quantity_t; rename or remove one");
        }

        @Test
        void refusesOneHeaderMeaningTwoColumnsThroughConfiguredAliases() throws IOException {
            IngestProperties props = new IngestProperties(null, 0.05, DataSize.ofMegabytes(1),
                    Map.of("note", List.of("Remarks"), "source", List.of("Remarks")), null, null, null, null);
            Path file = write(dir, "grain.xlsx", "grain", new Object[] {"month", "commodity", "quantity_t", "Remarks"},
                    new Object[] {"2014-07", "Rice", 1, "x"});
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, props))
                    .hasMessageMatching("grain\\.xlsx: ambiguous header in sheet grain, row 1: 'Remarks' matches both"
                            + " (note and source|source and note) \\(check briefing.ingest.header-aliases\\)");
        }

        @Test
        void readsTheSheetNamedAfterTheDatasetEvenWhenItIsHidden() throws IOException {
            Map<String, String> sheets = new LinkedHashMap<>();
            sheets.put("Data", row(1, "month", "commodity", "quantity_t") + row(2, "2014-07", "other", "1"));
            sheets.put("~grain", row(1, "month", "commodity", "quantity_t") + row(2, "2014-07", "named", "1"));
            Path file = rawXlsx(dir, "grain.xlsx", false, null, sheets);
            try (SheetRowReader reader = SheetRowReader.open(file, Dataset.GRAIN, PROPS)) {
                assertThat(reader.sheetName()).isEqualTo("grain");
                assertThat(reader.next().cell(Column.COMMODITY).raw()).isEqualTo("named");
            }
        }

        @Test
        void skipsBlankRowsAndRowsFilledOnlyInExtraColumns() throws IOException {
            Path file = write(dir, "grain.xlsx", "grain",
                    new Object[] {"month", "commodity", "quantity_t", "remarks"},
                    new Object[] {"2014-07", "Rice", 1},
                    null,
                    new Object[] {" ", null, null},
                    new Object[] {null, null, null, "footnote in an extra column"},
                    new Object[] {"2014-08", "Rice", 2});
            try (SheetRowReader reader = SheetRowReader.open(file, Dataset.GRAIN, PROPS)) {
                assertThat(readAll(reader)).extracting(SheetRow::row).containsExactly(2L, 6L);
            }
        }
    }

    @Nested
    class Cells {

        @Test
        void readsEveryKindOfCellAsStored() throws IOException {
            String header = row(1, "month", "location", "workers_entering", "workers_employed", "wage", "wage_local",
                    "currency", "source", "note");
            String data = "<row r=\"2\">"
                    + "<c r=\"A2\" t=\"inlineStr\"><is><r><t>2014-</t></r><r><t>07</t></r><rPh><t>x</t></rPh></is></c>"
                    + "<c r=\"B2\" t=\"str\"><f>\"Dan\"&amp;\"dong\"</f><v>Dandong</v></c>"
                    + "<c r=\"C2\"><v>1.5E3</v></c>"
                    + "<c r=\"D2\"><f>C2*2</f></c>"
                    + "<c r=\"E2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                    + "<c r=\"F2\" t=\"b\"><v>1</v></c>"
                    + "<c r=\"G2\" t=\"n\"><f>1</f><v>0.1</v></c>"
                    + "<c r=\"H2\" t=\"d\"><v>2014-07-31T00:00:00</v></c>"
                    + "<c r=\"I2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> kept </t></is></c>"
                    + "</row>";
            Path file = rawXlsx(dir, "labor.xlsx", false, null, Map.of("labor", header + data));
            try (SheetRowReader reader = SheetRowReader.open(file, Dataset.LABOR, PROPS)) {
                SheetRow row = reader.next();
                assertThat(row.cell(Column.MONTH)).isEqualTo(text("2014-07"));
                assertThat(row.cell(Column.LOCATION)).isEqualTo(text("Dandong"));
                assertThat(row.cell(Column.WORKERS_ENTERING)).isEqualTo(number("1.5E3"));
                assertThat(row.cell(Column.WORKERS_EMPLOYED)).isEqualTo(new CellValue(Kind.FORMULA_NO_VALUE, "", false));
                assertThat(row.cell(Column.WAGE)).isEqualTo(new CellValue(Kind.ERROR, "#DIV/0!", false));
                assertThat(row.cell(Column.WAGE_LOCAL)).isEqualTo(new CellValue(Kind.BOOLEAN, "1", false));
                assertThat(row.cell(Column.CURRENCY)).isEqualTo(number("0.1"));
                assertThat(row.cell(Column.SOURCE)).isEqualTo(new CellValue(Kind.TEXT, "2014-07-31T00:00:00", true));
                assertThat(row.cell(Column.NOTE)).isEqualTo(text(" kept "));
            }
        }

        @Test
        void numbersRowsAndCellsWithoutReferencesByCounting() throws IOException {
            String xml = "<row r=\"3\"><c><v>0</v></c><c t=\"inlineStr\"><is><t>commodity</t></is></c>"
                    + "<c t=\"inlineStr\"><is><t>quantity_t</t></is></c></row>"
                    + "<row><c t=\"inlineStr\"><is><t>2014-07</t></is></c><c t=\"inlineStr\"><is><t>Rice</t></is></c>"
                    + "<c><v>5</v></c></row>"
                    + "<row><c r=\"A9\" t=\"inlineStr\"><is><t>2014-08</t></is></c><c t=\"inlineStr\"><is><t>Corn</t></is></c>"
                    + "<c r=\"D9\"><v>99</v></c><c><v>6</v></c></row>";
            // header cell A3 is the number 0, so "month" is missing there: use a sheet where A is month
            xml = xml.replace("<c><v>0</v></c>", "<c t=\"inlineStr\"><is><t>Month</t></is></c>");
            Path file = rawXlsx(dir, "grain.xlsx", false, null, Map.of("grain", xml));
            try (SheetRowReader reader = SheetRowReader.open(file, Dataset.GRAIN, PROPS)) {
                assertThat(reader.headerRow()).isEqualTo(3);
                List<SheetRow> rows = readAll(reader);
                assertThat(rows).extracting(SheetRow::row).containsExactly(4L, 5L);
                assertThat(rows.get(0).cell(Column.QUANTITY_T)).isEqualTo(number("5"));
                // in row 5 the cell after D (99) has no reference, so it is E: outside the header's columns
                assertThat(rows.get(1).cell(Column.QUANTITY_T)).isEqualTo(CellValue.BLANK);
                assertThat(rows.get(1).rawTexts()).containsExactly("2014-08", "Corn", "", "99", "6");
                assertThat(reader.rowsWithoutNumber()).isEqualTo(2);
            }
        }

        @Test
        void marksCellsWithADateStyleAndReadsTheDateSystem() throws IOException {
            String xml = row(1, "month", "commodity", "quantity_t")
                    + "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>41821</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>Rice</t></is></c>"
                    + "<c r=\"C2\" s=\"0\"><v>41821</v></c></row>";
            Path file = rawXlsx(dir, "grain.xlsx", true, DATE_STYLE_1, Map.of("grain", xml));
            try (SheetRowReader reader = SheetRowReader.open(file, Dataset.GRAIN, PROPS)) {
                assertThat(reader.isDate1904()).isTrue();
                SheetRow row = reader.next();
                assertThat(row.cell(Column.MONTH)).isEqualTo(new CellValue(Kind.NUMBER, "41821", true));
                assertThat(row.cell(Column.QUANTITY_T)).isEqualTo(number("41821"));
            }
        }

        @Test
        void refusesDoctypesSoNoExternalEntityIsRead() throws IOException {
            Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
            String xml = row(1, "month", "commodity", "quantity_t")
                    + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>";
            Path file = rawXlsx(dir, "grain.xlsx", false, null, Map.of("grain", xml));
            // put a DOCTYPE with an external entity in front of the sheet XML
            Path evil = dir.resolve("evil.xlsx");
            rewrite(file, evil, "xl/worksheets/sheet1.xml", s -> s.replace("<worksheet",
                    "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><worksheet"));
            assertThatThrownBy(() -> {
                try (SheetRowReader reader = SheetRowReader.open(evil, Dataset.GRAIN, PROPS)) {
                    reader.next();
                }
            }).isInstanceOf(InputFileException.class)
                    .hasMessage("evil.xlsx: unsafe XML refused: sheet grain declares a DOCTYPE (XML entities, as in XXE"
                            + " or billion-laughs attacks), which spreadsheet programs never write")
                    .hasMessageNotContaining("secret");
        }

        @Test
        void refusesABillionLaughsPayloadInTheSharedStrings() throws IOException {
            Path plain = write(dir, "plain.xlsx", "grain", new Object[] {"month", "commodity", "quantity_t"},
                    new Object[] {"2014-07", "Rice", 1});
            Path file = dir.resolve("grain.xlsx");
            rewrite(plain, file, "xl/sharedStrings.xml", s -> s.replaceFirst("<sst", Matcher.quoteReplacement(
                    BILLION_LAUGHS + "<sst")).replace(">Rice<", ">&lol9;<"));
            long start = System.nanoTime();
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .hasMessage("grain.xlsx: unsafe XML refused: xl/sharedStrings.xml declares a DOCTYPE (XML entities,"
                            + " as in XXE or billion-laughs attacks), which spreadsheet programs never write");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }

        @Test
        void refusesADoctypeInTheWorkbookPartEvenWithoutEntities() throws IOException {
            Path plain = rawXlsx(dir, "plain.xlsx", false, null, Map.of("grain", row(1, "month", "commodity", "quantity_t")));
            Path file = dir.resolve("grain.xlsx");
            rewrite(plain, file, "xl/workbook.xml", s -> s.replace("<workbook ", "<!DOCTYPE workbook><workbook "));
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .hasMessage("grain.xlsx: unsafe XML refused: the workbook part declares a DOCTYPE (XML entities,"
                            + " as in XXE or billion-laughs attacks), which spreadsheet programs never write");
        }

        @Test
        void decodesEscapedControlCharactersInInlineStringsAsSharedStringsAre() throws IOException {
            // Excel writes a carriage return in a cell as _x000D_ in either kind of string
            String xml = row(1, "month", "commodity", "quantity_t", "note")
                    + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>2014-07</t></is></c>"
                    + "<c r=\"B2\" t=\"inlineStr\"><is><t>Rice</t></is></c><c r=\"C2\"><v>1</v></c>"
                    + "<c r=\"D2\" t=\"inlineStr\"><is><t>a_x000D_b_x0007_</t></is></c></row>";
            Path file = rawXlsx(dir, "grain.xlsx", false, null, Map.of("grain", xml));
            try (SheetRowReader reader = SheetRowReader.open(file, Dataset.GRAIN, PROPS)) {
                assertThat(reader.next().cell(Column.NOTE)).isEqualTo(text("a\rb\u0007"));
            }
        }

        @Test
        void keepsSupplementaryPlaneCharactersWhole() throws IOException {
            Path file = write(dir, "grain.xlsx", "grain", new Object[] {"month", "commodity", "quantity_t", "source"},
                    new Object[] {"2014-07", "\uD842\uDFB7野家", 1, "조선 😀"});
            try (SheetRowReader reader = SheetRowReader.open(file, Dataset.GRAIN, PROPS)) {
                SheetRow row = reader.next();
                assertThat(row.cell(Column.COMMODITY).raw()).isEqualTo("𠮷野家").hasSize(4);
                assertThat(row.cell(Column.SOURCE).raw()).isEqualTo("조선 😀");
            }
        }
    }

    /** Entities nesting ten deep: 10^9 "lol"s (3 GB) if a parser expanded them. */
    static final String BILLION_LAUGHS = "<!DOCTYPE sst [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
            + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
            + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
            + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
            + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
            + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
            + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>";

    @Nested
    class FileFailures {

        @Test
        void missingFile() {
            Path file = dir.resolve("grain.xlsx");
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .isInstanceOf(InputFileException.class)
                    .hasMessage("grain.xlsx: file not found (expected an xlsx workbook at " + file.toAbsolutePath() + ")")
                    .satisfies(e -> assertThat(((InputFileException) e).file()).isEqualTo(file));
        }

        @Test
        void missingRequiredColumnListsTheColumnsFound() throws IOException {
            Path file = write(dir, "grain.xlsx", "grain",
                    new Object[] {"Grain imports"},
                    new Object[] {"Month", "Item", "Notes"},
                    new Object[] {"2014-07", "Rice", "no quantity"});
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .isInstanceOf(InputFileException.class)
                    .hasMessage("grain.xlsx: required columns month, commodity, quantity_t (or quantity and unit); found: Month, Item, Notes"
                            + " (sheet grain, row 2)");
        }

        @Test
        void emptySheet() throws IOException {
            Path file = write(dir, "oil.xlsx", wb -> wb.createSheet("oil"));
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.OIL, PROPS))
                    .hasMessage("oil.xlsx: required columns month, product, quantity_t (or quantity and unit); found: nothing"
                            + " (sheet oil is empty)");
        }

        @Test
        void truncatedFile() throws IOException {
            Path good = write(dir, "good.xlsx", "grain", new Object[] {"month", "commodity", "quantity_t"},
                    new Object[] {"2014-07", "Rice", 1});
            byte[] bytes = Files.readAllBytes(good);
            Path file = Files.write(dir.resolve("grain.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageStartingWith("grain.xlsx: corrupt or truncated xlsx workbook, cannot be read (")
                    .hasMessageNotContaining("\n").hasMessageNotContaining("Failed to read the file");
        }

        @Test
        void csvRenamedToXlsx() throws IOException {
            Path file = Files.writeString(dir.resolve("grain.xlsx"), "month,commodity,quantity_t\n2014-07,Rice,1\n");
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .isInstanceOf(InputFileException.class)
                    .hasMessage("grain.xlsx: not an xlsx workbook (no zip package inside; a CSV or text file renamed"
                            + " to .xlsx?) - save it as Excel Workbook .xlsx");
        }

        @Test
        void fileLargerThanAllowed() throws IOException {
            IngestProperties small = new IngestProperties(null, 0.05, DataSize.ofBytes(1000), null, null, null, null, null);
            Path file = Files.write(dir.resolve("grain.xlsx"), new byte[1001]);
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, small))
                    .isInstanceOf(InputFileException.class)
                    .hasMessage("grain.xlsx: file is 1001 bytes, larger than the allowed 1000 bytes"
                            + " (briefing.ingest.max-file-size)");
        }

        @Test
        void legacyXlsWorkbook() throws IOException {
            Path file = dir.resolve("grain.xlsx");
            try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
                wb.createSheet("grain").createRow(0).createCell(0).setCellValue("month");
                wb.write(out);
            }
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .hasMessage("grain.xlsx: a legacy Excel 97-2003 (.xls) workbook, expected .xlsx;"
                            + " save it as Excel Workbook .xlsx");
        }

        @Test
        void encryptedWorkbook() throws Exception {
            Path file = dir.resolve("grain.xlsx");
            try (POIFSFileSystem fs = new POIFSFileSystem(); XSSFWorkbook wb = new XSSFWorkbook()) {
                wb.createSheet("grain");
                Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
                encryptor.confirmPassword("secret");
                try (OutputStream os = encryptor.getDataStream(fs)) {
                    wb.write(os);
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    fs.writeFilesystem(out);
                }
            }
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .hasMessage("grain.xlsx: the workbook is password-protected (encrypted);"
                            + " save an unprotected copy as .xlsx");
        }

        @Test
        void strictOpenXmlWorkbook() throws IOException {
            Path plain = rawXlsx(dir, "plain.xlsx", false, null, Map.of("grain", row(1, "month")));
            Path file = dir.resolve("grain.xlsx");
            rewrite(plain, file, "_rels/.rels", s -> s.replace(
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"));
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .hasMessage("grain.xlsx: a Strict Open XML workbook, which is not supported;"
                            + " save it as Excel Workbook .xlsx");
        }

        @Test
        void emptyFile() throws IOException {
            Path file = Files.write(dir.resolve("grain.xlsx"), new byte[0]);
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .hasMessage("grain.xlsx: empty file (expected an xlsx workbook)");
        }

        @Test
        void directoryInPlaceOfTheFile() throws IOException {
            Path file = Files.createDirectory(dir.resolve("grain.xlsx"));
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .hasMessage("grain.xlsx: not a file (expected an xlsx workbook)");
        }

        @Test
        void htmlPageRenamedToXlsx() throws IOException {
            Path file = Files.writeString(dir.resolve("grain.xlsx"),
                    "<!DOCTYPE html><html><body><table><tr><td>month</td></tr></table></body></html>");
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .hasMessage("grain.xlsx: an HTML page, not an xlsx workbook (a web page or a website's 'Excel'"
                            + " export renamed to .xlsx?) - open it in a spreadsheet program and save it as Excel"
                            + " Workbook .xlsx");
        }

        @Test
        void pdfRenamedToXlsx() throws IOException {
            Path file = dir.resolve("grain.xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                com.lowagie.text.Document pdf = new com.lowagie.text.Document();
                com.lowagie.text.pdf.PdfWriter.getInstance(pdf, out);
                pdf.open();
                pdf.add(new com.lowagie.text.Paragraph("month commodity quantity_t"));
                pdf.close();
            }
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .hasMessage("grain.xlsx: a PDF document, not an xlsx workbook (renamed to .xlsx?) - the figures"
                            + " must come as Excel Workbook .xlsx");
        }

        @Test
        void zipArchiveThatIsNoWorkbook() throws IOException {
            Path file = dir.resolve("grain.xlsx");
            TestWorkbooks.zip(file, Map.of("grain.csv", "month,commodity,quantity_t\n"));
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .hasMessage("grain.xlsx: a zip archive but not an xlsx workbook (no workbook inside); save it as"
                            + " Excel Workbook .xlsx");
        }

        @Test
        void zipWithTwoEntriesOfTheSameName() throws IOException {
            // a validator could read the first sheet1.xml and a spreadsheet program the second
            Path plain = rawXlsx(dir, "plain.xlsx", false, null,
                    Map.of("grain", row(1, "month", "commodity", "quantity_t") + row(2, "2014-07", "Rice", "1")));
            Path file = dir.resolve("grain.xlsx");
            TestWorkbooks.withDuplicateEntry(plain, file, "xl/worksheets/sheet1.xml", "<worksheet/>");
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .hasMessage("grain.xlsx: refused: the zip package holds more than one entry named"
                            + " xl/worksheets/sheet1.xml (a damaged or tampered file); save the workbook again from a"
                            + " spreadsheet program");
        }

        @Test
        void zipBombIsRefusedBeforeAnyRowIsReadByPoisInflateRatioLimit() throws IOException {
            double ratioBefore = ZipSecureFile.getMinInflateRatio();
            Path plain = rawXlsx(dir, "plain.xlsx", false, null,
                    Map.of("grain", row(1, "month", "commodity", "quantity_t") + "<!--BOMB-->"));
            Path file = dir.resolve("grain.xlsx");
            // 200 MB of identical rows deflate to well under 1 % (about 0.3 %)
            TestWorkbooks.inflate(plain, file, "xl/worksheets/sheet1.xml", "<!--BOMB-->",
                    "<row><c t=\"inlineStr\"><is><t>2014-07</t></is></c><c t=\"inlineStr\"><is><t>Rice</t></is></c>"
                            + "<c><v>1</v></c></row>", 200_000_000L);
            assertThat(Files.size(file)).isLessThan(2_000_000L);

            long start = System.nanoTime();
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .isInstanceOf(InputFileException.class)
                    .hasMessage("grain.xlsx: refused as a possible zip bomb: xl/worksheets/sheet1.xml would expand to"
                            + " more than 100 times its compressed size");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(ratioBefore);
        }

        @Test
        void zipBombWhoseDirectoryUnderstatesItsSizeIsStillStoppedByPoiWhileReading() throws IOException {
            Path plain = rawXlsx(dir, "plain.xlsx", false, null,
                    Map.of("grain", row(1, "month", "commodity", "quantity_t") + "<!--BOMB-->"));
            Path file = dir.resolve("grain.xlsx");
            TestWorkbooks.inflate(plain, file, "xl/worksheets/sheet1.xml", "<!--BOMB-->",
                    "<row><c t=\"inlineStr\"><is><t>2014-07</t></is></c><c t=\"inlineStr\"><is><t>Rice</t></is></c>"
                            + "<c><v>1</v></c></row>", 200_000_000L);
            TestWorkbooks.declareSize(file, "xl/worksheets/sheet1.xml", 1_000);

            long start = System.nanoTime();
            assertThatThrownBy(() -> {
                try (SheetRowReader reader = SheetRowReader.open(file, Dataset.GRAIN, PROPS)) {
                    while (reader.next() != null) {
                        // POI's ZipSecureFile stops the inflation after its grace size
                    }
                }
            }).hasMessage("grain.xlsx: refused as a possible zip bomb: xl/worksheets/sheet1.xml would expand to"
                    + " more than 100 times its compressed size");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }

        @Test
        void workbookWithOnlyHiddenSheets() throws IOException {
            Path file = rawXlsx(dir, "grain.xlsx", false, null, Map.of("~Other", row(1, "month")));
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.GRAIN, PROPS))
                    .hasMessage("grain.xlsx: the workbook has no visible sheet and none named grain");
        }
    }

    /** A row of inline-string cells in columns A, B, C, ... */
    static String row(int number, String... texts) {
        StringBuilder sb = new StringBuilder("<row r=\"" + number + "\">");
        for (int i = 0; i < texts.length; i++) {
            sb.append("<c r=\"").append((char) ('A' + i)).append(number).append("\" t=\"inlineStr\"><is><t>")
                    .append(texts[i]).append("</t></is></c>");
        }
        return sb.append("</row>").toString();
    }

    /** Copies a zip, changing the text of one entry. */
    static void rewrite(Path from, Path to, String entry, java.util.function.UnaryOperator<String> change)
            throws IOException {
        try (ZipFile in = new ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(entry)) {
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
