package org.dprktrade.briefing.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dprktrade.briefing.period.Quarter;

/**
 * Writes a line-level grain workbook as Excel would save it: header {@code month | commodity | quantity_t |
 * value_usd | source}, months as date-formatted serials, text in the shared strings table, and a
 * distinct {@code source} text on every row (a customs line number), so the shared strings grow with
 * the rows just as in a real extract. The same row count and seed always give the same file.
 *
 * <p>The parts are written directly rather than through POI's SXSSF: SXSSF can only write a distinct
 * text per row as an inline string (which real extracts do not use) or through an in-memory shared
 * strings table (gigabytes for a million rows). The totals of what was written are kept on the way,
 * as exact tenths, so readers can be checked against them.
 */
public final class GrainWorkbookGenerator {

    /** Categories as the grain dataset knows them (no unknown-category warnings). */
    static final List<String> COMMODITIES = List.of("flour", "rice", "corn", "barley", "soybean", "other");

    /** 36 months, 2012-01 to 2014-12: twelve quarters. */
    static final YearMonth FIRST_MONTH = YearMonth.of(2012, 1);
    static final int MONTHS = 36;

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** Quantity and value totals of one quarter and commodity, in tenths of a tonne and tenths of a dollar. */
    public record Totals(long rows, long quantityTenths, long valueTenths) {

        Totals plus(long quantity, long value) {
            return new Totals(rows + 1, quantityTenths + quantity, valueTenths + value);
        }

        public BigDecimal quantityT() {
            return BigDecimal.valueOf(quantityTenths, 1);
        }

        public BigDecimal valueUsd() {
            return BigDecimal.valueOf(valueTenths, 1);
        }
    }

    /** What was written: the file and its totals per quarter and commodity. */
    public record Generated(Path file, int rows, Map<Quarter, Map<String, Totals>> totals) {
    }

    private GrainWorkbookGenerator() {
    }

    /**
     * Writes {@code rows} data rows below the header. Row {@code i} (0-based) is of month
     * {@code FIRST_MONTH + i % 36}; commodity, quantity (0.1 to 2000.0 t in tenths) and price
     * (200 to 799 USD/t, whole dollars) come from a {@link SplittableRandom} with the given seed.
     */
    public static Generated write(Path file, int rows, long seed) throws IOException {
        return write(file, rows, seed, 0);
    }

    /**
     * As {@link #write(Path, int, long)}, with each source text padded to at least {@code sourceChars}
     * characters (a description of goods, as some extracts carry per line).
     */
    public static Generated write(Path file, int rows, long seed, int sourceChars) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Map<Quarter, Map<String, Totals>> totals = new TreeMap<>();
        try (OutputStream raw = Files.newOutputStream(file);
             ZipOutputStream zip = new ZipOutputStream(raw, StandardCharsets.UTF_8)) {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            part(zip, "[Content_Types].xml", CONTENT_TYPES);
            part(zip, "_rels/.rels", ROOT_RELS);
            part(zip, "xl/workbook.xml", WORKBOOK);
            part(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
            part(zip, "xl/styles.xml", STYLES);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer out = writer(zip);
            writeSheet(out, rows, seed, totals);
            out.flush();
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            out = writer(zip);
            writeSharedStrings(out, rows, sourceChars);
            out.flush();
            zip.closeEntry();
        }
        return new Generated(file, rows, totals);
    }

    private static void writeSheet(Writer out, int rows, long seed, Map<Quarter, Map<String, Totals>> totals)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<dimension ref=\"A1:E" + (rows + 1) + "\"/><sheetData>");
        // header: shared strings 0-4
        out.write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                + "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c></row>");
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < rows; i++) {
            int r = i + 2;
            YearMonth month = FIRST_MONTH.plusMonths(i % MONTHS);
            long serial = ChronoUnit.DAYS.between(EXCEL_EPOCH, month.atDay(1));
            int commodity = random.nextInt(COMMODITIES.size());
            long quantity = random.nextInt(1, 20_001); // tenths of a tonne
            long price = random.nextInt(200, 800);
            long value = quantity * price; // tenths of a dollar
            sb.setLength(0);
            sb.append("<row r=\"").append(r).append("\">")
                    .append("<c r=\"A").append(r).append("\" s=\"1\"><v>").append(serial).append("</v></c>")
                    .append("<c r=\"B").append(r).append("\" t=\"s\"><v>").append(5 + commodity).append("</v></c>")
                    .append("<c r=\"C").append(r).append("\"><v>").append(tenths(quantity)).append("</v></c>")
                    .append("<c r=\"D").append(r).append("\"><v>").append(tenths(value)).append("</v></c>")
                    .append("<c r=\"E").append(r).append("\" t=\"s\"><v>").append(5 + COMMODITIES.size() + i)
                    .append("</v></c></row>");
            out.append(sb);
            totals.computeIfAbsent(Quarter.of(month), q -> new TreeMap<>())
                    .merge(COMMODITIES.get(commodity), new Totals(1, quantity, value),
                            (a, b) -> a.plus(b.quantityTenths(), b.valueTenths()));
        }
        out.write("</sheetData></worksheet>");
    }

    private static void writeSharedStrings(Writer out, int rows, int sourceChars) throws IOException {
        int count = 5 + COMMODITIES.size() + rows;
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + (5 + 2 * rows)
                + "\" uniqueCount=\"" + count + "\">");
        for (String header : List.of("month", "commodity", "quantity_t", "value_usd", "source")) {
            out.write("<si><t>" + header + "</t></si>");
        }
        for (String commodity : COMMODITIES) {
            out.write("<si><t>" + commodity + "</t></si>");
        }
        for (int i = 0; i < rows; i++) {
            out.write("<si><t>" + source(i, sourceChars) + "</t></si>");
        }
        out.write("</sst>");
    }

    /** The distinct source text of data row {@code i}. */
    static String source(int i, int minChars) {
        StringBuilder sb = new StringBuilder("GACC customs line ").append(1_000_000 + i).append(", Dandong-Sinuiju");
        while (sb.length() < minChars) {
            sb.append("; wheat flour in 25 kg woven bags, consignee ").append(i % 97).append(", rail wagon ").append(i % 13);
        }
        return sb.toString();
    }

    private static String tenths(long tenths) {
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
    }

    private static Writer writer(OutputStream zip) {
        return new BufferedWriter(new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8), 1 << 16);
    }

    private static void part(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Lets a writer be flushed per entry without closing the zip under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            </Types>""";

    private static final String ROOT_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>""";

    private static final String WORKBOOK = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="grain" sheetId="1" r:id="rId1"/></sheets></workbook>""";

    private static final String WORKBOOK_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
            </Relationships>""";

    // style 1: the custom number format 164 "yyyy-mm", a date format
    private static final String STYLES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm"/></numFmts>\
            <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
            </styleSheet>""";
}
