package org.dprktrade.briefing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RowFingerprintsTests {

    @Test
    void remembersTheFirstRowOfEachContentAcrossTableGrowth() {
        RowFingerprints fingerprints = new RowFingerprints();
        for (int row = 2; row <= 100_001; row++) {
            assertThat(fingerprints.firstRowOf(List.of("2014-07", "c" + row), row)).isZero();
        }
        assertThat(fingerprints.firstRowOf(List.of("2014-07", "c2"), 100_002)).isEqualTo(2);
        assertThat(fingerprints.firstRowOf(List.of("2014-07", "c100001"), 100_003)).isEqualTo(100_001);
    }

    @Test
    void keepsCellBoundaries() {
        RowFingerprints fingerprints = new RowFingerprints();
        assertThat(fingerprints.firstRowOf(List.of("ab", "c"), 2)).isZero();
        assertThat(fingerprints.firstRowOf(List.of("a", "bc"), 3)).isZero();
        assertThat(fingerprints.firstRowOf(List.of("a", "bc"), 4)).isEqualTo(3);
    }
}
