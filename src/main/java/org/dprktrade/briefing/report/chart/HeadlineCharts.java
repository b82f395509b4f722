package org.dprktrade.briefing.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dprktrade.briefing.period.Quarter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The headline figure of page 1: small multiples, one per dataset, each its quarterly totals over the
 * chart quarters with the briefing's quarter highlighted. The highlight survives a black-and-white print:
 * the quarter's bar is near-black against light grey ones, and it alone carries its value as a label.
 * Quarters without figures are gaps, never zero. Stateless and thread-safe (each call builds a new chart).
 */
public final class HeadlineCharts {

    /** Dark enough to stay the darkest bar in grey print; the Okabe–Ito blue of the other charts. */
    static final Color HIGHLIGHT = new Color(0x0B3C5D);
    static final Color OTHER = new Color(0xC8CCD0);

    private HeadlineCharts() {
    }

    /**
     * @param title    the dataset as readers know it, e.g. "Grain imports"
     * @param unit     the axis unit, e.g. "t" or "workers"
     * @param quarters the quarters shown, oldest first; the last is highlighted
     * @param values   each quarter's total; a quarter absent or {@code null} had no figures
     */
    public static JFreeChart smallMultiple(String title, String unit, List<Quarter> quarters,
                                           Map<Quarter, BigDecimal> values, Font font) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Quarter q : quarters) {
            data.addValue(values.get(q), title, label(q));
        }
        int highlighted = quarters.size() - 1;

        CategoryAxis quarterAxis = new CategoryAxis(null);
        // upright labels: a third of a page holds eight bars but not eight "Q3'14" side by side
        quarterAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        quarterAxis.setTickLabelFont(font.deriveFont(6f));
        quarterAxis.setCategoryMargin(0.25);
        // room for the value over the last bar, which would otherwise run off the chart's right edge
        quarterAxis.setUpperMargin(0.07);
        NumberAxis valueAxis = new NumberAxis(unit);
        valueAxis.setLabelFont(font.deriveFont(7f));
        valueAxis.setTickLabelFont(font.deriveFont(6.5f));
        valueAxis.setNumberFormatOverride(new CompactFormat());
        valueAxis.setUpperMargin(0.18); // room for the label above the highlighted bar

        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return column == highlighted ? HIGHLIGHT : OTHER;
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0);
        renderer.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                Number value = dataset.getValue(row, column);
                return column == highlighted && value != null ? barLabel(value) : null;
            }
        });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(font.deriveFont(Font.BOLD, 7f));
        renderer.setDefaultItemLabelPaint(Color.BLACK);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));

        CategoryPlot plot = new CategoryPlot(data, quarterAxis, valueAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlineStroke(new BasicStroke(0.4f));
        plot.setDomainGridlinesVisible(false);
        plot.setNoDataMessage("No figures in these quarters");
        plot.setNoDataMessageFont(font.deriveFont(7f));

        JFreeChart chart = new JFreeChart(title, font.deriveFont(Font.BOLD, 8.5f), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.getTitle().setPaint(Color.DARK_GRAY);
        return chart;
    }

    /** A quarter on a small chart's axis: {@code Q3'14}, one short line. */
    static String label(Quarter quarter) {
        return "Q" + quarter.quarter() + "'" + String.format(Locale.ROOT, "%02d", quarter.year() % 100);
    }

    /** The highlighted bar's value: as the tables show it below a million ({@code 67,916}), else {@code 5.26M}. */
    static String barLabel(Number value) {
        double v = value.doubleValue();
        if (Math.abs(v) < 1_000_000) {
            return whole(value);
        }
        DecimalFormat millions = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        millions.setRoundingMode(RoundingMode.HALF_UP);
        return millions.format(v / 1_000_000) + "M";
    }

    /** {@code 67,916}: the highlighted bar's value as the tables show it. */
    static String whole(Number value) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(new BigDecimal(value.toString()));
    }

    /** Axis ticks as {@code 500}, {@code 20k}, {@code 1.5M}: a small chart has no room for {@code 1,500,000}. */
    static final class CompactFormat extends java.text.NumberFormat {
        @Override
        public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition pos) {
            double abs = Math.abs(number);
            DecimalFormat one = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
            if (abs >= 1_000_000) {
                return to.append(one.format(number / 1_000_000)).append('M');
            }
            if (abs >= 1_000) {
                return to.append(one.format(number / 1_000)).append('k');
            }
            return to.append(one.format(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, java.text.FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException("axis labels are never parsed");
        }
    }
}
