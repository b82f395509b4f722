package org.dprktrade.briefing.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.util.List;

import org.junit.jupiter.api.Test;

class TradeChartsTests {

    /** The charts' own face, which has neither U+20BB7 nor emoji. */
    private static final Font FONT = BundledChartFont.FONT;

    @Test
    void charactersTheFontCannotDrawShowAsQuestionMarksNotNothing() {
        String name = TradeCharts.seriesNames(List.of("\uD842\uDFB7野家"), FONT).get("\uD842\uDFB7野家");

        assertThat(FONT.canDisplay(0x20BB7)).isFalse();
        assertThat(name).isEqualTo("?野家");
    }

    @Test
    void categoriesThatWouldShowAlikeStayDistinctSeries() {
        var names = TradeCharts.seriesNames(List.of("\uD83D\uDE00", "\uD83D\uDE01", "rice"), FONT);

        assertThat(names.values()).containsExactly("?", "? (2)", "rice");
    }
}
