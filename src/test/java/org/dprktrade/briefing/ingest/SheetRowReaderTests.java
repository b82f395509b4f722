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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
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
                    .hasMessage("grain.xlsx: ambiguous header in sheet grain, row 1: 'Tonnes' and 'Quantity' all mean"
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
                    .hasMessageStartingWith("evil.xlsx: corrupt or truncated xlsx workbook")
                    .hasMessageContaining("xxe").hasMessageNotContaining("secret");
        }
    }

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
                    .hasMessage("grain.xlsx: required columns month, commodity, quantity_t; found: Month, Item, Notes"
                            + " (sheet grain, row 2)");
        }

        @Test
        void emptySheet() throws IOException {
            Path file = write(dir, "oil.xlsx", wb -> wb.createSheet("oil"));
            assertThatThrownBy(() -> SheetRowReader.open(file, Dataset.OIL, PROPS))
                    .hasMessage("oil.xlsx: required columns month, product, quantity, unit; found: nothing"
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
                    .hasMessageNotContaining("\n");
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
