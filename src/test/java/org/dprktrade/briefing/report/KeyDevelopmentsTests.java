package org.dprktrade.briefing.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class KeyDevelopmentsTests {

    @Test
    void saysOneSentencePerDatasetPlusLargestCategoryAndZeroStreaks() {
        assertThat(KeyDevelopments.of(SampleBriefing.indicators())).containsExactly(
                "Grain: 54,893 t in 2014-Q3, up 103.3% on the previous quarter and down 12.5% on 2013-Q3.",
                "Grain: the largest category was flour with 46.6% of the quarter's tonnage.",
                "Labor: 11,000 DPRK workers entered China in 2014-Q3, not comparable with 2013-Q3; "
                        + "the mean monthly wage was US$246.",
                "Oil: 1,501 t in 2014-Q3, not comparable with the previous quarter and not comparable with 2013-Q3.",
                "Oil: no shipments reported, consecutive months to the end of 2014-Q3: crude_oil (15 months).");
    }

    @Test
    void saysUnchangedForAZeroChangeAndNotComparableForUndefined() {
        assertThat(KeyDevelopments.change(BigDecimal.ZERO, "2013-Q3")).isEqualTo("unchanged on 2013-Q3");
        assertThat(KeyDevelopments.change(null, "2013-Q3")).isEqualTo("not comparable with 2013-Q3");
        assertThat(KeyDevelopments.change(new BigDecimal("-40.66"), "X")).isEqualTo("down 40.7% on X");
    }
}
