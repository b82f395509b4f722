package org.dprktrade.briefing.ingest;

import java.util.List;

/**
 * Remembers which row first held each distinct row content: a 64-bit hash of the row's cell texts and
 * the row number (an int: {@link SheetRowReader} refuses sheets of more than 1,048,576 rows), in an open-addressing table filled to at
 * most three quarters, so 16 to 32 bytes per distinct row (at most 24 MiB for a full sheet). The hash
 * is MurmurHash3's 64-bit mixing over the UTF-16 code units (not a cryptographic hash: SHA-256 cost a
 * seventh of the whole read, and a spreadsheet is no adversary here), so two different rows share a
 * fingerprint with a probability of about n²/2⁶⁵ (3·10⁻⁸ for a million rows). Not thread-safe.
 */
final class RowFingerprints {

    private static final long EMPTY = 0L;

    private long[] keys = new long[1024];
    private int[] rows = new int[1024];
    private int size;

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

    static long fingerprint(List<String> texts) {
        long h = SEED;
        long block = 0;
        int filled = 0;
        for (String text : texts) {
            // a cell boundary (U+FFFF, a noncharacter) so that "ab","c" differs from "a","bc"
            for (int i = 0, n = text.length(); i <= n; i++) {
                char ch = i < n ? text.charAt(i) : '\uFFFF';
                block = (block << 16) | ch;
                if (++filled == 4) {
                    h = mixBlock(h, block);
                    block = 0;
                    filled = 0;
                }
            }
        }
        if (filled > 0) {
            h = mixBlock(h, block);
        }
        h ^= texts.size();
        long key = fmix(h);
        return key == EMPTY ? 1 : key; // 0 marks a free slot
    }

    private static final long SEED = 0x5EED_B81E_F1D6_0001L;
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private static long mixBlock(long h, long k) {
        k *= C1;
        k = Long.rotateLeft(k, 31);
        k *= C2;
        h ^= k;
        h = Long.rotateLeft(h, 27);
        return h * 5 + 0x52dce729;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
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
        // the key is already well mixed: any of its bits will do
        return key ^ (key >>> 32);
    }
}
