package org.dprktrade.briefing.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.Map;

import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.report.SampleBriefing;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PiePlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

class QuarterlyTotalsTests {

    private final QuarterlyTotals totals = QuarterlyTotals.of(SampleBriefing.grain(), Quarter.parse("2014-Q3"), 8);

    @Test
    void coversTheEightQuartersEndingWithThePeriod() {
        assertThat(totals.quarters()).extracting(Quarter::toString).containsExactly(
                "2012-Q4", "2013-Q1", "2013-Q2", "2013-Q3", "2013-Q4", "2014-Q1", "2014-Q2", "2014-Q3");
    }

    @Test
    void sumsMonthsPerQuarterAndCategory() {
        // 2014-Q3: corn 2,000 + 3,000; flour 9,000 + 12,000 + 5,000; rice 8,559 + 10,217 + 4,117; 평양 1,000.
        assertThat(totals.tonnes().get(Quarter.parse("2014-Q3"))).isEqualTo(Map.of(
                "corn", new BigDecimal("5000"), "flour", new BigDecimal("26000"),
                "rice", new BigDecimal("22893"), SampleBriefing.KOREAN, new BigDecimal("1000")));
        assertThat(totals.total(Quarter.parse("2014-Q3"))).isEqualByComparingTo("54893");
        assertThat(totals.total(Quarter.parse("2014-Q2"))).isEqualByComparingTo("27000"); // 15,000 + 12,000
    }

    @Test
    void leavesQuartersWithoutFiguresAsGapsNotZeros() {
        assertThat(totals.total(Quarter.parse("2013-Q4"))).isNull();
        assertThat(totals.tonnes()).containsOnlyKeys(
                Quarter.parse("2013-Q3"), Quarter.parse("2014-Q2"), Quarter.parse("2014-Q3"));
    }

    @Test
    void chartStacksCategoriesPerQuarterAndDraws() {
        JFreeChart chart = TradeCharts.totalsByCategory("Grain", totals, BundledChartFont.FONT);

        CategoryDataset data = chart.getCategoryPlot().getDataset();
        assertThat(data.getRowKeys()).containsExactly("corn", "flour", "rice", SampleBriefing.KOREAN);
        assertThat(data.getColumnCount()).isEqualTo(8);
        assertThat(data.getColumnKey(7)).isEqualTo("Q3 2014"); // wraps between quarter and year on the axis
        assertThat(data.getValue("flour", "Q3 2014")).isEqualTo(new BigDecimal("26000"));
        assertThat(data.getValue("flour", "Q4 2013")).isNull();

        BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            TradeCharts.draw(chart, g, new Rectangle2D.Double(0, 0, 400, 200));
        } finally {
            g.dispose();
        }
        assertThat(image.getRGB(5, 5)).isEqualTo(0xFFFFFFFF); // white background was painted
    }

    @Test
    void mixShowsTheLastQuarterWithTheBarsColours() {
        Font font = BundledChartFont.FONT;
        JFreeChart bars = TradeCharts.totalsByCategory("Grain", totals, font);
        JFreeChart mix = TradeCharts.categoryMix("Grain mix", totals, font);

        @SuppressWarnings("unchecked")
        PiePlot<String> pie = (PiePlot<String>) mix.getPlot();
        // 2014-Q3: corn 5,000, flour 26,000, rice 22,893, 평양 1,000 (54,893 t in all).
        assertThat(pie.getDataset().getKeys()).containsExactly("corn", "flour", "rice", SampleBriefing.KOREAN);
        assertThat(pie.getDataset().getValue("flour")).isEqualTo(new BigDecimal("26000"));
        var renderer = bars.getCategoryPlot().getRenderer();
        assertThat(pie.getSectionPaint("flour")).isEqualTo(renderer.getSeriesPaint(1));
        assertThat(pie.getSectionPaint(SampleBriefing.KOREAN)).isEqualTo(renderer.getSeriesPaint(3));
        // The label shows one decimal of the share: 26,000 / 54,893 = 47.36 % → 47.4%.
        assertThat(pie.getLabelGenerator().generateSectionLabel(pie.getDataset(), "flour")).isEqualTo("flour 47.4%");
    }

    @Test
    void mixOfAQuarterWithoutFiguresIsEmptyAndSaysSo() {
        QuarterlyTotals before = QuarterlyTotals.of(SampleBriefing.grain(), Quarter.parse("2013-Q4"), 4);
        JFreeChart mix = TradeCharts.categoryMix("Grain mix", before, BundledChartFont.FONT);
        PiePlot<?> pie = (PiePlot<?>) mix.getPlot();
        assertThat(pie.getDataset().getItemCount()).isZero();
        assertThat(pie.getNoDataMessage()).isEqualTo("No tonnes recorded in 2013-Q4");
    }
}
