package org.dprktrade.briefing.ingest;

import java.nio.file.Path;
import java.util.Objects;

import org.dprktrade.briefing.support.OneLine;

/**
 * A whole input workbook cannot be used: it is missing, unreadable, not an xlsx workbook, too large,
 * has no usable sheet, lacks required columns, or too many of its rows were rejected. The message is
 * one line that names the file and says what was expected, fit to be shown to a user as it is
 * (e.g. {@code grain.xlsx: required columns month, commodity, quantity_t; found: Month, Item, Notes}).
 */
public class InputFileException extends RuntimeException {

    private final transient Path file;

    public InputFileException(Path file, String detail) {
        this(file, detail, null);
    }

    public InputFileException(Path file, String detail, Throwable cause) {
        super(oneLine(nameOf(file) + ": " + Objects.requireNonNull(detail, "detail")), cause);
        this.file = file;
    }

    /** The workbook concerned, as it was given. */
    public Path file() {
        return file;
    }

    static String nameOf(Path file) {
        Path name = file == null ? null : file.getFileName();
        return name == null ? String.valueOf(file) : name.toString();
    }

    // The message goes to a terminal and a data-quality file as a single line.
    private static String oneLine(String text) {
        return OneLine.of(text);
    }
}
