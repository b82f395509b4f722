package org.dprktrade.briefing.ingest;

/**
 * A dataset's configuration cannot be used (an unknown shape or flow, two datasets on one file, an id
 * that is not a lower-case slug). Every command stops at start with this one line, which names the key.
 */
public final class DatasetConfigurationException extends RuntimeException {

    private final String key;

    public DatasetConfigurationException(String key, String problem) {
        super(key + ": " + problem, null, false, false);
        this.key = key;
    }

    /** The configuration key at fault, e.g. {@code briefing.datasets.seafood.shape}. */
    public String key() {
        return key;
    }
}
