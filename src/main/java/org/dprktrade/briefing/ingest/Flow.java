package org.dprktrade.briefing.ingest;

/** Which way a trade dataset's goods go, as sentences word it ("Grain imports rose …"). */
public enum Flow {
    IMPORT("imports"),
    EXPORT("exports");

    private final String noun;

    Flow(String noun) {
        this.noun = noun;
    }

    /** {@code imports} or {@code exports}. */
    public String noun() {
        return noun;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
