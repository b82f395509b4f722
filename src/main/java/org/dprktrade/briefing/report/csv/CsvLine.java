package org.dprktrade.briefing.report.csv;

import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 fields and records: a field holding a comma, a double quote, CR or LF is quoted with its
 * quotes doubled; records end with CRLF, as RFC 4180 asks and as Excel writes them. Also neutralises
 * text from the inputs that a spreadsheet would run as a formula. Stateless and thread-safe.
 */
final class CsvLine {

    static final String EOL = "\r\n";

    private CsvLine() {
    }

    /** Writes one record: the fields as given (already neutralised where needed), quoted where needed. */
    static void write(Writer out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields[i]));
        }
        out.write(EOL);
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /**
     * Text from the inputs that starts with {@code = + - @}, tab or CR gets a leading {@code '}, so
     * Excel and LibreOffice show it instead of evaluating it (OWASP "CSV injection"). Only for text:
     * numbers the product computed, such as {@code -12.5}, never pass through here.
     */
    static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky ? "'" + text : text;
    }
}
