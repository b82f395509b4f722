package org.dprktrade.briefing.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds input workbooks for the tests: with POI's user model, or as hand-written sheet XML. */
final class TestWorkbooks {

    private TestWorkbooks() {
    }

    /** A formula cell; {@code cached} is a Number, String, {@link FormulaError} or null (no cached value). */
    record Formula(String formula, Object cached) {
    }

    /** A number cell shown with a date format (for serials that LocalDate cannot express, e.g. 1904 dates). */
    record DateSerial(double serial) {
    }

    static Path write(Path dir, String fileName, String sheetName, Object[]... rows) throws IOException {
        return write(dir, fileName, wb -> fill(wb, wb.createSheet(sheetName), rows));
    }

    static Path write(Path dir, String fileName, Consumer<XSSFWorkbook> content) throws IOException {
        Path file = dir.resolve(fileName);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            content.accept(wb);
            wb.write(out);
        }
        return file;
    }

    static void fill(XSSFWorkbook wb, XSSFSheet sheet, Object[]... rows) {
        CellStyle dateStyle = wb.createCellStyle();
        dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                continue; // a blank row
            }
            XSSFRow row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v == null) {
                    continue;
                }
                XSSFCell cell = row.createCell(c);
                if (v instanceof String s) {
                    cell.setCellValue(s);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof Boolean b) {
                    cell.setCellValue(b);
                } else if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(dateStyle);
                } else if (v instanceof DateSerial d) {
                    cell.setCellValue(d.serial());
                    cell.setCellStyle(dateStyle);
                } else if (v instanceof Formula f) {
                    cell.setCellFormula(f.formula());
                    if (f.cached() instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (f.cached() instanceof String s) {
                        cell.setCellValue(s);
                    } else if (f.cached() instanceof FormulaError e) {
                        cell.setCellErrorValue(e);
                    }
                } else {
                    throw new IllegalArgumentException("no cell for " + v);
                }
            }
        }
    }

    /**
     * A minimal xlsx package written by hand, for what POI's user model will not write (inline strings,
     * rows and cells without references, 1904 dates, hidden sheets, ISO date cells).
     *
     * @param sheets sheet name → the XML inside {@code <sheetData>}; a name starting with {@code ~} is hidden
     * @param styles the {@code <numFmts>..<cellXfs>} part of styles.xml, or null for none
     */
    static Path rawXlsx(Path dir, String fileName, boolean date1904, String styles, Map<String, String> sheets)
            throws IOException {
        Path file = dir.resolve(fileName);
        Map<String, String> parts = new LinkedHashMap<>();
        StringBuilder types = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                """);
        StringBuilder workbookSheets = new StringBuilder();
        StringBuilder rels = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, String> sheet : sheets.entrySet()) {
            i++;
            boolean hidden = sheet.getKey().startsWith("~");
            String name = hidden ? sheet.getKey().substring(1) : sheet.getKey();
            workbookSheets.append("<sheet name=\"").append(name).append("\" sheetId=\"").append(i).append('"')
                    .append(hidden ? " state=\"hidden\"" : "").append(" r:id=\"rId").append(i).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(i)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                    .append(i).append(".xml\"/>");
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            parts.put("xl/worksheets/sheet" + i + ".xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""
                    + sheet.getValue() + "</sheetData></worksheet>");
        }
        if (styles != null) {
            rels.append("<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
            types.append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
            parts.put("xl/styles.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""
                    + styles + "</styleSheet>");
        }
        types.append("</Types>");
        parts.put("[Content_Types].xml", types.toString());
        parts.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>""");
        parts.put("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"""
                + (date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>")
                + "<sheets>" + workbookSheets + "</sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
                + rels + "</Relationships>");
        zip(file, parts);
        return file;
    }

    /** Styles where {@code s="1"} is a date format (14, m/d/yyyy) and {@code s="0"} General. */
    static final String DATE_STYLE_1 = """
            <fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>\
            <cellStyleXfs count="1"><xf/></cellStyleXfs>\
            <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>""";

    static void zip(Path file, Map<String, String> parts) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }
}
