package org.dprktrade.briefing.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.dprktrade.briefing.period.Quarter;

/**
 * Builds the briefing's charts with JFreeChart. Charts are drawn onto any {@link Graphics2D}; the PDF
 * writer hands one from OpenPDF so that they end up as vectors with text in the embedded font.
 * Every text of a chart uses the font given, so the chart never depends on fonts installed on the
 * machine. Stateless and thread-safe (each call builds a new chart).
 */
public final class TradeCharts {

    /** Distinguishable in print and for the common colour-vision deficiencies (Okabe–Ito palette). */
    private static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xE69F00),
            new Color(0x009E73), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00),
            new Color(0xF0E442), new Color(0x999999), new Color(0x000000));

    private TradeCharts() {
    }

    /**
     * Stacked bars of tonnes per category for each quarter: the bar's height is the quarter's total,
     * its segments the category mix. Quarters without figures are left empty.
     */
    public static JFreeChart totalsByCategory(String title, QuarterlyTotals totals, Font font) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> categories = totals.categories();
        for (Quarter q : totals.quarters()) {
            for (String category : categories) {
                BigDecimal t = totals.tonnes().getOrDefault(q, Map.of()).get(category);
                data.addValue(t == null ? null : t, category, q.toString());
            }
        }
        if (categories.isEmpty()) {
            // Keep the quarter axis even with no figures at all, so the chart says "nothing" rather than vanishing.
            totals.quarters().forEach(q -> data.addValue(null, "no figures", q.toString()));
        }

        CategoryAxis quarterAxis = new CategoryAxis(null);
        quarterAxis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        NumberAxis tonnesAxis = new NumberAxis("tonnes");
        tonnesAxis.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.ENGLISH));
        tonnesAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ENGLISH));

        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.09);

        CategoryPlot plot = new CategoryPlot(data, quarterAxis, tonnesAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xCCCCCC));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);

        JFreeChart chart = new JFreeChart(title, font.deriveFont(Font.BOLD, 10f), plot, true);
        applyFont(chart, font);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setFrame(BlockBorder.NONE);
        chart.getTitle().setPaint(Color.DARK_GRAY);
        return chart;
    }

    /** Draws the chart into {@code area} of {@code g}; the caller disposes of {@code g}. */
    public static void draw(JFreeChart chart, Graphics2D g, Rectangle2D area) {
        chart.draw(g, area);
    }

    private static void applyFont(JFreeChart chart, Font font) {
        StandardChartTheme theme = new StandardChartTheme("briefing");
        theme.setExtraLargeFont(font.deriveFont(Font.BOLD, 10f));
        theme.setLargeFont(font.deriveFont(9f));
        theme.setRegularFont(font.deriveFont(8f));
        theme.setSmallFont(font.deriveFont(7f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setRangeGridlinePaint(new Color(0xCCCCCC));
        // The theme resets series paints, so apply it first and the palette after.
        theme.apply(chart);
        StackedBarRenderer renderer = (StackedBarRenderer) chart.getCategoryPlot().getRenderer();
        for (int s = 0; s < chart.getCategoryPlot().getDataset().getRowCount(); s++) {
            renderer.setSeriesPaint(s, PALETTE.get(s % PALETTE.size()));
        }
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(font.deriveFont(Font.BOLD, 10f));
        }
    }
}
