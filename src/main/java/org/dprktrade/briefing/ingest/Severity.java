package org.dprktrade.briefing.ingest;

import java.util.Locale;

/** An error rejects the row; a warning keeps it. */
public enum Severity {
    ERROR, WARNING;

    /** As written in the data-quality outputs: {@code error}, {@code warning}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
