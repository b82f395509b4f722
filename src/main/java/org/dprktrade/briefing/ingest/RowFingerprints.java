package org.dprktrade.briefing.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Remembers which row first held each distinct row content: a 64-bit prefix of the SHA-256 of the
 * row's cell texts and the row number (an int: a sheet has at most 1,048,576 rows), in an
 * open-addressing table filled to at most three quarters, so 16 to 32 bytes per distinct row. Two different
 * rows share a fingerprint with a probability of about n²/2⁶⁵ (10⁻⁷ for a million rows).
 * Not thread-safe.
 */
final class RowFingerprints {

    private static final long EMPTY = 0L;

    private final MessageDigest sha256;
    private long[] keys = new long[1024];
    private int[] rows = new int[1024];
    private int size;

    RowFingerprints() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The row that first held these texts, or 0 if none did (then this row is remembered). */
    long firstRowOf(List<String> texts, long row) {
        long key = fingerprint(texts);
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                return rows[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        rows[i] = (int) Math.min(row, Integer.MAX_VALUE);
        if (++size * 4L > keys.length * 3L) {
            grow();
        }
        return 0;
    }

    private long fingerprint(List<String> texts) {
        sha256.reset();
        for (String text : texts) {
            sha256.update(text.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0); // cell boundary: "ab","c" differs from "a","bc"
        }
        byte[] digest = sha256.digest();
        long key = 0;
        for (int b = 0; b < 8; b++) {
            key = (key << 8) | (digest[b] & 0xFF);
        }
        return key == EMPTY ? 1 : key; // 0 marks a free slot
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldRows.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = (int) (mix(oldKeys[j]) & mask);
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                rows[i] = oldRows[j];
            }
        }
    }

    private static long mix(long key) {
        // the key is already a cryptographic hash: any of its bits will do
        return key ^ (key >>> 32);
    }
}
