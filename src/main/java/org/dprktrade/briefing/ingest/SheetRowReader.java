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

    private long headerRow;
    private boolean quantityInUnits;
    private List<String> headerTexts = List.of();
    private Map<Integer, Column> columnsByPosition = Map.of();
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
        checkFile(file, props);
        OPCPackage pkg = openPackage(file);
        SheetRowReader reader = null;
        try {
            reader = openSheet(file, pkg, dataset);
            reader.findHeader(dataset, props);
            return reader;
        } catch (InputFileException e) {
            closeQuietly(reader, pkg);
            throw e;
        } catch (Exception e) {
            closeQuietly(reader, pkg);
            throw corrupt(file, e);
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
            throw corrupt(file, e);
        }
    }

    public String fileName() {
        return InputFileException.nameOf(file);
    }

    public String sheetName() {
        return sheetName;
    }

    /** 1-based row number of the header row. */
    /** Whether the header gives trade quantities as {@code quantity} + {@code unit} rather than {@code quantity_t}. */
    public boolean quantityInUnits() {
        return quantityInUnits;
    }

    public long headerRow() {
        return headerRow;
    }

    /** Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
    public boolean isDate1904() {
        return date1904;
    }

    /** The header row's non-blank cell texts, left to right. */
    public List<String> headerTexts() {
        return headerTexts;
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

    private static void checkFile(Path file, IngestProperties props) {
        if (!Files.exists(file)) {
            throw new InputFileException(file, "file not found (expected an xlsx workbook at " + file.toAbsolutePath() + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputFileException(file, "not a file (expected an xlsx workbook)");
        }
        if (!Files.isReadable(file)) {
            throw new InputFileException(file, "cannot be read (permission denied)");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new InputFileException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        long max = props.maxFileSize().toBytes();
        if (size > max) {
            throw new InputFileException(file, "file is " + size + " bytes, larger than the allowed " + max
                    + " bytes (briefing.ingest.max-file-size)");
        }
        if (size == 0) {
            throw new InputFileException(file, "empty file (expected an xlsx workbook)");
        }
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(file.toFile());
        } catch (IOException e) {
            throw new InputFileException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        switch (magic) {
            case OOXML -> checkDeclaredSizes(file);
            case OLE2 -> throw new InputFileException(file, describeOle2(file));
            case BIFF2, BIFF3, BIFF4 -> throw legacyXls(file);
            case XML -> throw new InputFileException(file,
                    "an XML file, not an xlsx workbook (save it as Excel Workbook .xlsx)");
            case HTML -> throw new InputFileException(file, "an HTML page, not an xlsx workbook (a web page or a"
                    + " website's 'Excel' export renamed to .xlsx?) - open it in a spreadsheet program and save it as"
                    + " Excel Workbook .xlsx");
            case PDF -> throw new InputFileException(file,
                    "a PDF document, not an xlsx workbook (renamed to .xlsx?) - the figures must come as"
                            + " Excel Workbook .xlsx");
            case RTF, WORD2, MSWRITE -> throw new InputFileException(file,
                    "a word-processor document, not an xlsx workbook - save the table as Excel Workbook .xlsx");
            case JPEG, GIF, PNG, TIFF, BMP, WMF, EMF -> throw new InputFileException(file,
                    "an image, not an xlsx workbook - the figures must come as Excel Workbook .xlsx");
            default -> throw new InputFileException(file,
                    "not an xlsx workbook (no zip package inside; a CSV or text file renamed to .xlsx?)"
                            + " - save it as Excel Workbook .xlsx");
        }
    }

    /**
     * Refuses a zip bomb before any row is read, from the sizes the zip's central directory declares, by
     * POI's own limits (read, never changed). POI's streaming guard alone would stop it only after its
     * grace size had been inflated, by which time rows, and their problems, would have gone on to the run.
     * A package whose directory lies about sizes is still stopped by that guard; one Java cannot list is
     * left to POI, whose message says what is wrong with it.
     */
    private static void checkDeclaredSizes(Path file) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size > ZipSecureFile.getMaxEntrySize()) {
                    throw new InputFileException(file, String.format(Locale.ROOT, "refused as a possible zip bomb:"
                            + " %s would expand to more than %d bytes", entry.getName(),
                            ZipSecureFile.getMaxEntrySize()));
                }
                if (size > ZipSecureFile.getGraceEntrySize() && compressed >= 0
                        && (double) compressed / size < ZipSecureFile.getMinInflateRatio()) {
                    throw new InputFileException(file, inflateRatioRefusal(entry.getName()));
                }
            }
        } catch (IOException e) {
            // not listable here: POI opens it next and says why it cannot be read
        }
    }

    private static String inflateRatioRefusal(String part) {
        return String.format(Locale.ROOT, "refused as a possible zip bomb: %s would expand to more than %d times"
                + " its compressed size", part, Math.round(1 / ZipSecureFile.getMinInflateRatio()));
    }

    // An OLE2 container is either an encrypted xlsx or a legacy binary .xls workbook.
    private static String describeOle2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY)) {
                return "the workbook is password-protected (encrypted); save an unprotected copy as .xlsx";
            }
        } catch (IOException | RuntimeException e) {
            return "not an xlsx workbook (an unreadable OLE2 file)";
        }
        return LEGACY_XLS;
    }

    private static final String LEGACY_XLS =
            "a legacy Excel 97-2003 (.xls) workbook, expected .xlsx; save it as Excel Workbook .xlsx";

    private static InputFileException legacyXls(Path file) {
        return new InputFileException(file, LEGACY_XLS);
    }

    private static OPCPackage openPackage(Path file) {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (EncryptedDocumentException e) {
            throw new InputFileException(file, "the workbook is password-protected (encrypted)", e);
        } catch (Exception e) {
            throw corrupt(file, e);
        }
        if (!pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT).isEmpty()) {
            pkg.revert();
            throw new InputFileException(file,
                    "a Strict Open XML workbook, which is not supported; save it as Excel Workbook .xlsx");
        }
        return pkg;
    }

    private static SheetRowReader openSheet(Path file, OPCPackage pkg, Dataset dataset) throws Exception {
        XSSFReader reader = new XSSFReader(pkg);
        WorkbookInfo info;
        try (InputStream in = reader.getWorkbookData()) {
            info = readWorkbook(in);
        }
        SheetRef named = info.sheets().stream()
                .filter(s -> s.name().equalsIgnoreCase(dataset.id()))
                .findFirst()
                .orElse(null);
        // docs/inputs.md: the sheet named after the dataset, hidden or not (its name says what it holds); else the
        // first visible sheet
        SheetRef chosen = Optional.ofNullable(named)
                .or(() -> info.sheets().stream().filter(SheetRef::visible).findFirst())
                .orElseThrow(() -> new InputFileException(file, info.sheets().isEmpty()
                        ? "the workbook has no sheet"
                        : "the workbook has no visible sheet and none named " + dataset.id()));
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

    private record SheetRef(String name, String relationId, boolean visible) { }

    private record WorkbookInfo(List<SheetRef> sheets, boolean date1904) { }

    private static WorkbookInfo readWorkbook(InputStream in) throws XMLStreamException {
        XMLStreamReader xml = SafeXml.open(in, "the workbook part");
        try {
            List<SheetRef> sheets = new ArrayList<>();
            boolean date1904 = false;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "workbookPr" -> date1904 = isTrue(attribute(xml, "date1904"));
                    case "sheet" -> {
                        String state = attribute(xml, "state");
                        sheets.add(new SheetRef(attribute(xml, "name"), relationId(xml),
                                state == null || "visible".equals(state)));
                    }
                    default -> { }
                }
            }
            return new WorkbookInfo(sheets, date1904);
        } finally {
            xml.close();
        }
    }

    private static String relationId(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String ns = xml.getAttributeNamespace(i);
            if ("id".equals(xml.getAttributeLocalName(i)) && ns != null && ns.endsWith("/relationships")) {
                return xml.getAttributeValue(i);
            }
        }
        throw new IllegalStateException("a sheet in workbook.xml has no relationship id");
    }

    private static boolean isTrue(String xsdBoolean) {
        return "1".equals(xsdBoolean) || "true".equals(xsdBoolean);
    }

    // ---- header ---------------------------------------------------------------------------------

    /** A header cell that matches a column, and whether it is the column's own name (not only an alias). */
    private record HeaderCandidate(int position, String text, boolean ownName) { }

    private void findHeader(Dataset dataset, IngestProperties props) throws XMLStreamException {
        List<Column> required = dataset.requiredColumns();
        List<Column> inUnits = new ArrayList<>(required);
        inUnits.remove(Column.QUANTITY_T);
        inUnits.addAll(Shape.QUANTITY_IN_UNITS);
        List<Column> relevant = new ArrayList<>(required);
        relevant.addAll(dataset.optionalColumns());
        if (dataset.isTrade()) {
            relevant.addAll(Shape.QUANTITY_IN_UNITS);
        }
        Map<Column, Set<String>> aliases = new EnumMap<>(Column.class);
        for (Column c : relevant) {
            Set<String> normalised = new LinkedHashSet<>();
            normalised.add(Column.normaliseHeader(dataset.header(c)));
            props.aliasesOf(dataset, c).forEach(a -> normalised.add(Column.normaliseHeader(a)));
            aliases.put(c, normalised);
        }
        List<String> bestTexts = null;
        long bestRow = 0;
        int bestFound = -1;
        RawRow raw;
        while ((raw = readRawRow()) != null) {
            List<String> texts = texts(raw);
            if (texts.isEmpty()) {
                continue;
            }
            Map<Column, List<HeaderCandidate>> candidates = new EnumMap<>(Column.class);
            for (RawCell cell : raw.cells()) {
                String text = cell.value().raw().strip();
                String normalised = Column.normaliseHeader(text);
                if (cell.value().isBlank() || normalised.isEmpty()) {
                    continue;
                }
                for (Column c : relevant) {
                    if (aliases.get(c).contains(normalised)) {
                        boolean own = normalised.equals(Column.normaliseHeader(dataset.header(c)));
                        candidates.computeIfAbsent(c, k -> new ArrayList<>())
                                .add(new HeaderCandidate(cell.position(), text, own));
                    }
                }
            }
            // quantity + unit, unless the row names quantity_t itself: then unit is an extra column
            boolean units = dataset.isTrade() && candidates.keySet().containsAll(Shape.QUANTITY_IN_UNITS)
                    && candidates.getOrDefault(Column.QUANTITY_T, List.of()).stream().noneMatch(HeaderCandidate::ownName);
            List<Column> form = units ? inUnits : required;
            int found = (int) form.stream().filter(candidates::containsKey).count();
            if (found == form.size()) {
                if (units) {
                    candidates.remove(Column.QUANTITY_T);
                } else {
                    Shape.QUANTITY_IN_UNITS.forEach(candidates::remove);
                }
                this.headerRow = raw.row();
                this.headerTexts = List.copyOf(texts);
                this.quantityInUnits = units;
                this.columnsByPosition = resolve(dataset, candidates);
                return;
            }
            found = (int) required.stream().filter(candidates::containsKey).count();
            if (found > bestFound) {
                bestFound = found;
                bestTexts = texts;
                bestRow = raw.row();
            }
        }
        String wanted = required.stream().map(dataset::header).collect(Collectors.joining(", "))
                + (dataset.isTrade() ? " (or quantity and unit)" : "");
        String found = bestTexts == null
                ? "nothing (sheet " + sheetName + " is empty)"
                : String.join(", ", bestTexts) + " (sheet " + sheetName + ", row " + bestRow + ")";
        throw new InputFileException(file, "required columns " + wanted + "; found: " + found);
    }

    /**
     * Picks one header cell per column. Where two cells match the same column, the one spelling the
     * column's own name wins over one that is only an alias: a grain sheet with both {@code quantity_t}
     * and {@code quantity} has declared its tonnes column by name, and the other is then an extra
     * column (e.g. a quantity in another unit). Any other tie is ambiguous and fails the file, since
     * guessing could read the wrong figures without anyone noticing.
     */
    private Map<Integer, Column> resolve(Dataset dataset, Map<Column, List<HeaderCandidate>> candidates) {
        Map<Integer, Column> byPosition = new HashMap<>();
        for (Map.Entry<Column, List<HeaderCandidate>> e : candidates.entrySet()) {
            Column column = e.getKey();
            List<HeaderCandidate> all = e.getValue();
            List<HeaderCandidate> own = all.stream().filter(HeaderCandidate::ownName).toList();
            HeaderCandidate chosen;
            if (all.size() == 1) {
                chosen = all.get(0);
            } else if (own.size() == 1) {
                chosen = own.get(0);
            } else {
                throw ambiguous(dataset.header(column), (own.isEmpty() ? all : own).stream().map(HeaderCandidate::text).toList());
            }
            Column previous = byPosition.put(chosen.position(), column);
            if (previous != null) {
                throw new InputFileException(file, "ambiguous header in sheet " + sheetName + ", row " + headerRow
                        + ": '" + chosen.text() + "' matches both " + dataset.header(previous) + " and " + dataset.header(column)
                        + " (check briefing.ingest.header-aliases)");
            }
        }
        return Map.copyOf(byPosition);
    }

    private InputFileException ambiguous(String column, List<String> texts) {
        return new InputFileException(file, "ambiguous header in sheet " + sheetName + ", row " + headerRow + ": "
                + texts.stream().map(t -> "'" + t + "'").collect(Collectors.joining(" and "))
                + (texts.size() == 2 ? " both mean " : " all mean ") + column + "; rename or remove one");
    }

    private static List<String> texts(RawRow raw) {
        List<String> texts = new ArrayList<>();
        for (RawCell cell : raw.cells()) {
            if (!cell.value().isBlank()) {
                texts.add(cell.value().raw().strip());
            }
        }
        return texts;
    }

    // ---- rows -----------------------------------------------------------------------------------

    private record RawCell(int position, CellValue value) { }

    private record RawRow(long row, List<RawCell> cells) { }

    private SheetRow toSheetRow(RawRow raw) {
        Map<Column, CellValue> cells = new EnumMap<>(Column.class);
        int width = 0;
        for (RawCell cell : raw.cells()) {
            if (cell.value().isBlank()) {
                continue;
            }
            width = Math.max(width, cell.position() + 1);
            Column column = columnsByPosition.get(cell.position());
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

    private static InputFileException corrupt(Path file, Throwable e) {
        if (e instanceof InputFileException ife) {
            return ife;
        }
        String refusal = refusal(e);
        if (refusal != null) {
            return new InputFileException(file, refusal, e);
        }
        // the innermost message says what is wrong ("Truncated ZIP file"); POI's wrappers say only which
        // file it could not read ("Failed to read the file input stream from file: '/path'")
        String reason = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage();
            }
        }
        if (reason == null) {
            reason = e.getClass().getSimpleName();
        }
        if (reason.length() > 160) {
            reason = reason.substring(0, 157) + "...";
        }
        return new InputFileException(file, "corrupt or truncated xlsx workbook, cannot be read (" + reason + ")", e);
    }

    private static final Pattern ENTRY = Pattern.compile("Entry: (\\S+)");
    private static final Pattern DUPLICATE = Pattern.compile("more than 1 entry with the name (\\S+)");

    /**
     * A clear reason for the refusals of POI's zip protections ({@code ZipSecureFile}, whose limits stay as
     * configured for the whole JVM), of a DOCTYPE, and of zip files that are no workbook, or null. POI's own
     * messages are several lines long and tell a developer which setter relaxes the limit: not for users.
     */
    private static String refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SafeXml.DoctypeRefused) {
                return t.getMessage();
            }
            String m = t.getMessage();
            if (m == null) {
                continue;
            }
            Matcher entry = ENTRY.matcher(m);
            String part = entry.find() ? entry.group(1) : "a part";
            if (m.contains("MIN_INFLATE_RATIO")) {
                return inflateRatioRefusal(part);
            }
            if (m.contains("MAX_ENTRY_SIZE")) {
                return String.format(Locale.ROOT, "refused as a possible zip bomb: %s would expand to more than %d"
                        + " bytes", part, ZipSecureFile.getMaxEntrySize());
            }
            if (m.contains("MAX_FILE_COUNT")) {
                return String.format(Locale.ROOT, "refused as a possible zip bomb: the package holds more than %d"
                        + " entries", ZipSecureFile.getMaxFileCount());
            }
            Matcher duplicate = DUPLICATE.matcher(m);
            if (duplicate.find()) {
                return "refused: the zip package holds more than one entry named " + duplicate.group(1)
                        + " (a damaged or tampered file); save the workbook again from a spreadsheet program";
            }
            if (m.contains("ODF (Open Document)")) {
                return "an OpenDocument spreadsheet (.ods), not an xlsx workbook; save it as Excel Workbook .xlsx";
            }
            if (m.contains("not a valid OOXML") || m.contains("should contain a content type part")) {
                return "a zip archive but not an xlsx workbook (no workbook inside); save it as Excel Workbook .xlsx";
            }
        }
        return null;
    }

    private static void closeQuietly(SheetRowReader reader, OPCPackage pkg) {
        if (reader != null) {
            reader.close();
        } else {
            pkg.revert();
        }
    }

}
