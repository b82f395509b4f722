package org.dprktrade.briefing.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dprktrade.briefing.period.Quarter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.junit.jupiter.api.Test;

class HeadlineChartsTests {

    private final List<Quarter> quarters = List.of(Quarter.parse("2014-Q1"), Quarter.parse("2014-Q2"),
            Quarter.parse("2014-Q3"));

    private JFreeChart chart() {
        Map<Quarter, BigDecimal> values = new HashMap<>();
        values.put(quarters.get(0), new BigDecimal("30000"));
        values.put(quarters.get(2), new BigDecimal("67916"));
        return HeadlineCharts.smallMultiple("Grain imports", "t", quarters, values, BundledChartFont.FONT);
    }

    @Test
    void theBriefingsQuarterIsTheDarkBarAndTheOnlyOneLabelled() {
        CategoryPlot plot = chart().getCategoryPlot();
        CategoryItemRenderer renderer = plot.getRenderer();

        assertThat(renderer.getItemPaint(0, 2)).isEqualTo(HeadlineCharts.HIGHLIGHT);
        assertThat(renderer.getItemPaint(0, 0)).isEqualTo(HeadlineCharts.OTHER);
        assertThat(luminance(HeadlineCharts.HIGHLIGHT)).isLessThan(luminance(HeadlineCharts.OTHER) - 0.4);
        var labels = renderer.getDefaultItemLabelGenerator();
        assertThat(labels.generateLabel(plot.getDataset(), 0, 2)).isEqualTo("67,916");
        assertThat(labels.generateLabel(plot.getDataset(), 0, 0)).isNull();
    }

    @Test
    void aQuarterWithoutFiguresIsAGapNotZero() {
        CategoryPlot plot = chart().getCategoryPlot();
        assertThat(plot.getDataset().getValue(0, 1)).isNull();
        assertThat(plot.getDataset().getColumnKeys()).containsExactly("Q1'14", "Q2'14", "Q3'14");
    }

    @Test
    void drawsTheHighlightedBarDarkInGreyScale() {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            TradeCharts.draw(chart(), g, new Rectangle2D.Double(0, 0, 300, 200));
        } finally {
            g.dispose();
        }
        int darkest = 255;
        for (int x = 0; x < 300; x++) {
            for (int y = 100; y < 180; y++) {
                darkest = Math.min(darkest, image.getRaster().getSample(x, y, 0));
            }
        }
        assertThat(darkest).isLessThan(80);
    }

    @Test
    void aLabelOfAMillionOrMoreIsShortened() {
        assertThat(HeadlineCharts.barLabel(5_260_840)).isEqualTo("5.26M");
        assertThat(HeadlineCharts.barLabel(999_999)).isEqualTo("999,999");
    }

    @Test
    void axisTicksAreCompact() {
        var format = new HeadlineCharts.CompactFormat();
        assertThat(List.of(500.0, 20_000.0, 1_500_000.0, 0.0)).map(format::format)
                .containsExactly("500", "20k", "1.5M", "0");
    }

    private static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }
}
