package org.dprktrade.briefing.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Streams the data rows of one dataset's sheet out of an xlsx workbook, cells addressed by logical
 * column (docs/inputs.md: sheet choice, header row, blank rows). The sheet read is the visible sheet named
 * after the dataset (any case), hidden or not, else the first visible sheet.
 *
 * <p>Only POI's package layer is used: the package is opened read-only with POI's zip-bomb protections
 * as configured globally (never changed here; an entry the zip directory declares beyond them is refused
 * before any row is read), styles are loaded through POI, and the workbook part, the shared strings
 * ({@link SharedStrings}) and the sheet XML are parsed with StAX through {@link SafeXml}, which refuses any
 * DOCTYPE (so no entity is ever expanded). File kinds often renamed to .xlsx (CSV, HTML, PDF, .xls,
 * encrypted, Strict OOXML, plain zip) are named in the message. Raw cell values are handed on
 * unformatted, so numbers stay exact and no Locale is involved. Memory holds the shared strings table's
 * cache and one row at a time; it does not grow with the number of rows. A sheet of more than 1,048,576
 * rows (the format's limit) is refused.
 *
 * <p>{@link #open} positions the reader just below the header row: the first row holding all the
 * dataset's required columns. Rows above it (titles, notes, blanks) are skipped. Rows with no value in
 * any of the dataset's columns are blank and skipped (a row filled only in extra columns carries no
 * data). Every file-level failure is an {@link InputFileException} with a one-line message.
 *
 * <p>This reader is not thread-safe. Close it to release the file.
 */
public final class SheetRowReader implements AutoCloseable {

    /** Rows an xlsx sheet can hold (Excel's limit, and the format's: the last row is 1048576). */
    static final long MAX_ROWS = 1_048_576;

    private final Path file;
    private final OPCPackage pkg;
    private final SharedStrings sharedStrings;
    private final boolean[] dateStyles;
    private final boolean date1904;
    private final String sheetName;
    private final InputStream sheetStream;
    private final XMLStreamReader xml;

    private HeaderMatch header = new HeaderMatch(0, List.of(), false, Map.of());
    private long lastRowNumber;
    private long rowsWithoutNumber;
    private boolean finished;

    private SheetRowReader(Path file, OPCPackage pkg, SharedStrings sharedStrings, boolean[] dateStyles,
                           boolean date1904, String sheetName, InputStream sheetStream, XMLStreamReader xml) {
        this.file = file;
        this.pkg = pkg;
        this.sharedStrings = sharedStrings;
        this.dateStyles = dateStyles;
        this.date1904 = date1904;
        this.sheetName = sheetName;
        this.sheetStream = sheetStream;
        this.xml = xml;
    }

    /**
     * Opens the workbook, chooses the dataset's sheet and finds its header row.
     *
     * @throws InputFileException when the file cannot be used (missing, unreadable, too large, not an
     *                            xlsx workbook, encrypted, Strict OOXML, corrupt, no sheet, required
     *                            columns missing, ambiguous header)
     */
    public static SheetRowReader open(Path file, Dataset dataset, IngestProperties props) {
        WorkbookFile.checkFile(file, props);
        OPCPackage pkg = WorkbookFile.openPackage(file);
        SheetRowReader reader = null;
        try {
            reader = openSheet(file, pkg, dataset);
            reader.header = HeaderMatch.find(file, reader.sheetName, dataset, props, reader::readRawRow);
            return reader;
        } catch (InputFileException e) {
            closeQuietly(reader, pkg);
            throw e;
        } catch (Exception e) {
            closeQuietly(reader, pkg);
            throw WorkbookFile.corrupt(file, e);
        }
    }

    /** The next data row, or {@code null} at the end of the sheet. */
    public SheetRow next() {
        try {
            RawRow raw;
            while ((raw = readRawRow()) != null) {
                SheetRow row = toSheetRow(raw);
                if (row != null) {
                    return row;
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            throw WorkbookFile.corrupt(file, e);
        }
    }

    public String fileName() {
        return InputFileException.nameOf(file);
    }

    public String sheetName() {
        return sheetName;
    }

    /** Whether the header gives trade quantities as {@code quantity} + {@code unit} rather than {@code quantity_t}. */
    public boolean quantityInUnits() {
        return header.quantityInUnits();
    }

    /** 1-based row number of the header row. */
    public long headerRow() {
        return header.row();
    }

    /** Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
    public boolean isDate1904() {
        return date1904;
    }

    /** The header row's non-blank cell texts, left to right. */
    public List<String> headerTexts() {
        return header.texts();
    }

    /** Rows read so far whose {@code <row>} element had no {@code r} attribute (numbered by counting). */
    public long rowsWithoutNumber() {
        return rowsWithoutNumber;
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // nothing was written: there is nothing to lose
        }
        try {
            sheetStream.close();
        } catch (IOException e) {
            // as above
        }
        sharedStrings.close();
        // revert, not close: a package opened read-only must never be written back
        pkg.revert();
    }

    // ---- opening --------------------------------------------------------------------------------

    private static SheetRowReader openSheet(Path file, OPCPackage pkg, Dataset dataset) throws Exception {
        XSSFReader reader = new XSSFReader(pkg);
        SheetChoice.WorkbookInfo info;
        try (InputStream in = reader.getWorkbookData()) {
            info = SheetChoice.readWorkbook(in);
        }
        SheetChoice.SheetRef chosen = SheetChoice.choose(file, info, dataset.id());
        boolean[] dateStyles = dateStyles(reader.getStylesTable());
        SharedStrings sst = sharedStrings(pkg);
        InputStream sheet = null;
        try {
            sheet = reader.getSheet(chosen.relationId());
            XMLStreamReader xml = SafeXml.open(sheet, "sheet " + chosen.name());
            SheetRowReader rows = new SheetRowReader(file, pkg, sst, dateStyles, info.date1904(), chosen.name(),
                    sheet, xml);
            return rows;
        } catch (Exception e) {
            sst.close();
            if (sheet != null) {
                sheet.close();
            }
            throw e;
        }
    }

    // Our own table rather than POI's ReadOnlySharedStringsTable, which holds every string in memory:
    // a line-level extract has a distinct text per row there, so memory would grow with the rows.
    private static SharedStrings sharedStrings(OPCPackage pkg) throws Exception {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return SharedStrings.empty();
        }
        PackagePart part = parts.get(0);
        try (InputStream in = part.getInputStream()) {
            return SharedStrings.read(in, part.getPartName().getName().replaceFirst("^/", ""));
        }
    }

    private static boolean[] dateStyles(StylesTable styles) {
        if (styles == null) {
            return new boolean[0];
        }
        boolean[] dates = new boolean[styles.getNumCellStyles()];
        for (int i = 0; i < dates.length; i++) {
            XSSFCellStyle style = styles.getStyleAt(i);
            dates[i] = style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
        }
        return dates;
    }

    // ---- rows -----------------------------------------------------------------------------------

    record RawCell(int position, CellValue value) { }

    record RawRow(long row, List<RawCell> cells) { }

    private SheetRow toSheetRow(RawRow raw) {
        Map<Column, CellValue> cells = new EnumMap<>(Column.class);
        int width = 0;
        for (RawCell cell : raw.cells()) {
            if (cell.value().isBlank()) {
                continue;
            }
            width = Math.max(width, cell.position() + 1);
            Column column = header.columnsByPosition().get(cell.position());
            if (column != null) {
                cells.put(column, cell.value());
            }
        }
        if (cells.isEmpty()) {
            return null;
        }
        String[] texts = new String[width];
        java.util.Arrays.fill(texts, "");
        for (RawCell cell : raw.cells()) {
            if (!cell.value().isBlank()) {
                texts[cell.position()] = cell.value().raw();
            }
        }
        return new SheetRow(raw.row(), cells, List.of(texts));
    }

    private RawRow readRawRow() throws XMLStreamException {
        while (!finished && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                return readRow();
            }
            if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
                finished = true; // what follows (merged cells, page setup, ...) holds no data
            }
        }
        finished = true;
        return null;
    }

    private RawRow readRow() throws XMLStreamException {
        String r = attribute(xml, "r");
        long number;
        if (r == null || r.isBlank()) {
            number = lastRowNumber + 1;
            rowsWithoutNumber++;
        } else {
            number = Long.parseLong(r.strip());
        }
        if (number > MAX_ROWS) {
            // the format's own limit; it also bounds what duplicate detection remembers
            throw new InputFileException(file, "sheet " + sheetName + " has more than " + MAX_ROWS
                    + " rows, the most an xlsx sheet can hold");
        }
        lastRowNumber = number;
        List<RawCell> cells = new ArrayList<>();
        int lastPosition = -1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("c".equals(xml.getLocalName())) {
                    RawCell cell = readCell(lastPosition);
                    lastPosition = cell.position();
                    cells.add(cell);
                } else {
                    skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break; // </row>
            }
        }
        return new RawRow(number, cells);
    }

    private RawCell readCell(int lastPosition) throws XMLStreamException {
        // one pass over the attributes rather than a lookup by name for each (this runs for every cell)
        String ref = null;
        String type = null;
        String style = null;
        for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
            String ns = xml.getAttributeNamespace(i);
            if (ns != null && !ns.isEmpty()) {
                continue;
            }
            switch (xml.getAttributeLocalName(i)) {
                case "r" -> ref = xml.getAttributeValue(i);
                case "t" -> type = xml.getAttributeValue(i);
                case "s" -> style = xml.getAttributeValue(i);
                default -> { }
            }
        }
        // a cell without a reference stands right of the previous one
        int position = ref == null || ref.isBlank() ? lastPosition + 1 : columnIndex(ref);
        boolean date = false;
        if (style != null && !style.isBlank()) {
            int index = Integer.parseInt(style.strip());
            date = index >= 0 && index < dateStyles.length && dateStyles[index];
        } else {
            date = dateStyles.length > 0 && dateStyles[0];
        }
        String v = null;
        String inline = null;
        boolean formula = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "f" -> {
                        formula = true;
                        xml.getElementText();
                    }
                    case "v" -> v = xml.getElementText();
                    case "is" -> inline = readInlineString();
                    default -> skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break; // </c>
            }
        }
        return new RawCell(position, cellValue(type, v, inline, formula, date));
    }

    private CellValue cellValue(String type, String v, String inline, boolean formula, boolean date) {
        if ("inlineStr".equals(type)) {
            String text = inline != null ? inline : v;
            return text == null ? blankOrNoValue(formula) : new CellValue(CellValue.Kind.TEXT, text, date);
        }
        if (v == null) {
            return blankOrNoValue(formula);
        }
        if (type == null || "n".equals(type)) {
            return v.isBlank() ? blankOrNoValue(formula) : new CellValue(CellValue.Kind.NUMBER, v.strip(), date);
        }
        return switch (type) {
            case "s" -> new CellValue(CellValue.Kind.TEXT,
                    sharedStrings.get(Integer.parseInt(v.strip())), date);
            case "b" -> new CellValue(CellValue.Kind.BOOLEAN, v.strip(), false);
            case "e" -> new CellValue(CellValue.Kind.ERROR, v.strip(), false);
            // "str" is a formula's text result; "d" an ISO 8601 date some generators write
            case "d" -> new CellValue(CellValue.Kind.TEXT, v.strip(), true);
            default -> new CellValue(CellValue.Kind.TEXT, SharedStrings.decode(v), date);
        };
    }

    private static CellValue blankOrNoValue(boolean formula) {
        return formula ? new CellValue(CellValue.Kind.FORMULA_NO_VALUE, "", false) : CellValue.BLANK;
    }

    /** The text of an inline string: all its {@code <t>} runs, without phonetic runs. */
    private String readInlineString() throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "t" -> sb.append(xml.getElementText());
                    case "rPh", "rPr" -> skipElement();
                    default -> depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return SharedStrings.decode(sb.toString());
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** Zero-based column of a cell reference such as {@code AB12}. */
    static int columnIndex(String ref) {
        int column = 0;
        int i = 0;
        for (; i < ref.length(); i++) {
            char ch = Character.toUpperCase(ref.charAt(i));
            if (ch < 'A' || ch > 'Z') {
                break;
            }
            column = column * 26 + (ch - 'A' + 1);
        }
        if (i == 0) {
            throw new IllegalStateException("bad cell reference '" + ref + "'");
        }
        return column - 1;
    }

    private static String attribute(XMLStreamReader xml, String name) {
        return xml.getAttributeValue(null, name);
    }

    // ---- support --------------------------------------------------------------------------------

    private static void closeQuietly(SheetRowReader reader, OPCPackage pkg) {
        if (reader != null) {
            reader.close();
        } else {
            pkg.revert();
        }
    }

}
