package org.dprktrade.briefing.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.report.ReportTitles;

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
        return totalsByCategory(title, totals, font, ReportTitles::category);
    }

    /** @param displayNames what readers call each category slug (the legend shows it) */
    public static JFreeChart totalsByCategory(String title, QuarterlyTotals totals, Font font,
                                              java.util.function.Function<String, String> displayNames) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> categories = totals.categories();
        Map<String, String> names = seriesNames(categories, font, displayNames);
        for (Quarter q : totals.quarters()) {
            for (String category : categories) {
                BigDecimal t = totals.tonnes().getOrDefault(q, Map.of()).get(category);
                data.addValue(t == null ? null : t, names.get(category), label(q));
            }
        }
        if (categories.isEmpty()) {
            // Keep the quarter axis even with no figures at all, so the chart says "nothing" rather than vanishing.
            totals.quarters().forEach(q -> data.addValue(null, "no figures", label(q)));
        }

        CategoryAxis quarterAxis = new CategoryAxis(null);
        quarterAxis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        // "Q3 2014" breaks into two short lines, so eight quarters fit a half-page chart unabridged.
        quarterAxis.setMaximumCategoryLabelLines(2);
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
        for (int s = 0; s < categories.size(); s++) {
            renderer.setSeriesPaint(s, colourOf(s));
        }
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        chart.getTitle().setPaint(Color.DARK_GRAY);
        return chart;
    }

    /**
     * A pie of the last quarter's tonnes by category, each slice labelled with its category and share,
     * coloured as the same category in {@link #totalsByCategory} so the two charts read together.
     * Categories with no tonnes in the quarter get no slice; a quarter without figures says so.
     */
    public static JFreeChart categoryMix(String title, QuarterlyTotals totals, Font font) {
        return categoryMix(title, totals, font, ReportTitles::category);
    }

    /** @param displayNames what readers call each category slug (the labels show it) */
    public static JFreeChart categoryMix(String title, QuarterlyTotals totals, Font font,
                                         java.util.function.Function<String, String> displayNames) {
        List<String> categories = totals.categories();
        Quarter last = totals.quarters().get(totals.quarters().size() - 1);
        Map<String, BigDecimal> quarter = totals.tonnes().getOrDefault(last, Map.of());
        Map<String, String> names = seriesNames(categories, font, displayNames);
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        for (String category : categories) {
            BigDecimal t = quarter.get(category);
            if (t != null && t.signum() > 0) {
                data.setValue(names.get(category), t);
            }
        }
        PiePlot<String> plot = new PiePlot<>(data);
        plot.setNoDataMessage("No tonnes recorded in " + last);
        plot.setNoDataMessageFont(font.deriveFont(8f));
        plot.setIgnoreZeroValues(true);
        plot.setIgnoreNullValues(true);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setShadowPaint(null);
        plot.setInteriorGap(0.02);
        // Room for "ammonium sulfate 27.1%" on one or two lines rather than a word cut in three.
        plot.setMaximumLabelWidth(0.22);
        plot.setLabelGap(0.02);
        plot.setLabelFont(font.deriveFont(7f));
        plot.setLabelBackgroundPaint(Color.WHITE);
        plot.setLabelOutlinePaint(null);
        plot.setLabelShadowPaint(null);
        plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0} {2}",
                NumberFormat.getNumberInstance(Locale.ENGLISH), percentFormat()));
        plot.setDefaultSectionOutlinePaint(Color.WHITE);
        plot.setSectionOutlinesVisible(true);
        for (int s = 0; s < categories.size(); s++) {
            plot.setSectionPaint(names.get(categories.get(s)), colourOf(s));
        }
        JFreeChart chart = new JFreeChart(title, font.deriveFont(Font.BOLD, 10f), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.getTitle().setPaint(Color.DARK_GRAY);
        return chart;
    }

    /**
     * The name each category's series goes by in a chart: its title, with characters the chart font
     * cannot draw shown as {@code ?} (AWT would drop them silently), made unique so that two categories
     * never merge into one series or share a colour.
     */
    static Map<String, String> seriesNames(List<String> categories, Font font) {
        return seriesNames(categories, font, ReportTitles::category);
    }

    static Map<String, String> seriesNames(List<String> categories, Font font,
                                           java.util.function.Function<String, String> displayNames) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String category : categories) {
            StringBuilder shown = new StringBuilder();
            displayNames.apply(category).codePoints()
                    .forEach(cp -> shown.appendCodePoint(font.canDisplay(cp) ? cp : '?'));
            String name = shown.toString();
            for (int n = 2; !taken.add(name); n++) {
                name = shown + " (" + n + ")";
            }
            names.put(category, name);
        }
        return names;
    }

    /** A quarter as an axis label: {@code Q3 2014}, which wraps between quarter and year. */
    static String label(Quarter quarter) {
        String text = quarter.toString(); // 2014-Q3
        return text.substring(5) + " " + text.substring(0, 4);
    }

    /** The colour of the {@code index}-th category in alphabetical order; shared by both charts. */
    static Color colourOf(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    /** One decimal, as the key-figures table shows shares. */
    private static NumberFormat percentFormat() {
        NumberFormat format = NumberFormat.getPercentInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format;
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
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(font.deriveFont(Font.BOLD, 10f));
        }
    }
}
