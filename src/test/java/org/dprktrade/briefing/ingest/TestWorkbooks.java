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
public final class TestWorkbooks {

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

    /**
     * Copies a zip, replacing the {@code marker} inside one entry by {@code repeated} written over and over
     * until the entry holds about {@code bytes} bytes: a zip bomb, a few hundred kilobytes on disk. The entry
     * is streamed, so the test never holds it in memory.
     */
    static void inflate(Path from, Path to, String entry, String marker, String repeated, long bytes)
            throws IOException {
        byte[] unit = repeated.repeat(Math.max(1, 65_536 / repeated.length())).getBytes(StandardCharsets.UTF_8);
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(to)))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                String text = new String(in.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(entry)) {
                    int at = text.indexOf(marker);
                    out.write(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    for (long written = 0; written < bytes; written += unit.length) {
                        out.write(unit);
                    }
                    out.write(text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
    }

    /**
     * Copies a zip and adds a second entry with the name of {@code entry} and the given content. Java's
     * ZipOutputStream refuses duplicate names, so the copy is written under a name of the same length and
     * then renamed in place, in the local header and in the central directory.
     */
    public static void withDuplicateEntry(Path from, Path to, String entry, String content) throws IOException {
        String stand = entry.substring(0, entry.length() - 1) + "#";
        Path staging = to.resolveSibling(to.getFileName() + ".staging");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(staging))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(in.getInputStream(e).readAllBytes());
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(stand));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(staging);
        byte[] from1 = stand.getBytes(StandardCharsets.US_ASCII);
        byte[] to1 = entry.getBytes(StandardCharsets.US_ASCII);
        int renamed = 0;
        for (int i = 0; i + from1.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + from1.length, from1, 0, from1.length)) {
                System.arraycopy(to1, 0, bytes, i, to1.length);
                renamed++;
            }
        }
        if (renamed != 2) {
            throw new IllegalStateException("expected the name twice (local header, central directory): " + renamed);
        }
        Files.write(to, bytes);
        Files.delete(staging);
    }

    /**
     * Rewrites the uncompressed size the zip's central directory declares for one entry (the field at
     * offset 24 of its central directory header), as a forged file would, to hide how far it inflates.
     */
    static void declareSize(Path file, String entry, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        java.nio.ByteBuffer zip = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 <= bytes.length; i++) {
            if (zip.getInt(i) == 0x02014b50 && (zip.getShort(i + 28) & 0xFFFF) == name.length
                    && java.util.Arrays.equals(bytes, i + 46, i + 46 + name.length, name, 0, name.length)) {
                zip.putInt(i + 24, size);
                Files.write(file, bytes);
                return;
            }
        }
        throw new IllegalArgumentException("no central directory entry " + entry);
    }

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
