package org.dprktrade.briefing.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * File vetting and refusals: whether a path is an xlsx workbook this product will open at all (exists,
 * readable, within {@code max-file-size}, a zip package whose declared sizes pass POI's zip-bomb limits,
 * not a CSV/HTML/PDF/.xls/encrypted/Strict file renamed), opened read-only, and the one-line message for
 * any failure to open or read it. Stateless.
 */
final class WorkbookFile {

    private WorkbookFile() {
    }

    static void checkFile(Path file, IngestProperties props) {
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

    static OPCPackage openPackage(Path file) {
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


    static InputFileException corrupt(Path file, Throwable e) {
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
}
