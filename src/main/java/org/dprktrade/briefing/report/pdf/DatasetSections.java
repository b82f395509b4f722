package org.dprktrade.briefing.report.pdf;

import static org.dprktrade.briefing.indicators.IndicatorName.*;
import static org.dprktrade.briefing.report.pdf.PdfBriefingWriter.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfPTable;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.indicators.Indicator;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.report.Formats;
import org.dprktrade.briefing.report.chart.QuarterlyTotals;
import org.dprktrade.briefing.report.chart.TradeCharts;

/**
 * A section per dataset, by its shape: for trade the key-figures table by category, notes and the two
 * charts; for labor the figures by location. Headings are the datasets' titles.
 */
class DatasetSections extends PdfPage {

    DatasetSections(PdfPage page) {
        super(page);
    }

    void trade(Dataset dataset) throws DocumentException {
        String name = dataset.title();
        List<String> categories = indicators.categoriesOf(dataset);
        PdfPTable table = categories.isEmpty() ? null : figuresTable(dataset, categories,
                dataset.categoryHeader(), KEY_FIGURES);
        // Keep the table and its charts on one page where they fit on one at all: the table, the
        // chart and about 92 points of heading, subheading, notes and spacing.
        float needed = 92 + CHART_HEIGHT + (table == null ? 20 : height(table));
        if (space() < needed && needed < document.top() - document.bottom()) {
            document.newPage();
        }
        heading(name);
        if (table == null) {
            document.add(paragraph("No figures for " + dataset.id() + " in " + briefing.period() + ".",
                    fonts.body(), 0, 4));
        } else {
            document.add(paragraph("Key figures, " + briefing.period() + ", by " + dataset.categoryHeader(),
                    fonts.subheading(), 2, 1));
            document.add(table);
            document.add(paragraph(tradeNotes(dataset, categories), fonts.smallGrey(), 1, 2));
        }
        TradeFigures figures = briefing.trade().get(dataset);
        if (figures != null && !figures.isEmpty()) {
            QuarterlyTotals totals = QuarterlyTotals.of(figures, briefing.period(), chartQuarters);
            java.util.function.Function<String, String> names = slug -> briefing.displayName(dataset, slug);
            charts(TradeCharts.totalsByCategory(name + ": tonnes per quarter, last " + chartQuarters + " quarters",
                            totals, font.awt(), names),
                    TradeCharts.categoryMix(name + ": mix of " + briefing.period() + " by tonnes", totals, font.awt(),
                            names));
        }
    }

    /** What the table leaves out: the trailing four quarters and runs of reported zeros. */
    private String tradeNotes(Dataset dataset, List<String> categories) {
        List<String> notes = new ArrayList<>();
        BigDecimal trailing = indicators.value(dataset, Indicator.ALL, TRAILING_4Q_QUANTITY_T);
        if (trailing != null) {
            notes.add("Last four quarters: " + Formats.integer(trailing) + " t.");
        }
        BigDecimal valueYtd = indicators.value(dataset, Indicator.ALL, YTD_VALUE_USD);
        if (valueYtd != null) {
            BigDecimal change = indicators.value(dataset, Indicator.ALL, YTD_VALUE_YOY_PCT);
            notes.add("Value so far this year: US$" + Formats.integer(valueYtd)
                    + (change == null ? "" : " (" + Formats.signed(change, 1) + " % on a year earlier)") + ".");
        }
        List<String> zeros = new ArrayList<>();
        for (String category : categories) {
            BigDecimal zeroMonths = indicators.value(dataset, category, ZERO_MONTHS);
            BigDecimal streak = indicators.value(dataset, category, ZERO_STREAK_MONTHS);
            if (zeroMonths != null && zeroMonths.signum() > 0) {
                zeros.add(briefing.displayName(dataset, category) + " in " + Formats.integer(zeroMonths) + " of 3 months"
                        + (streak != null && streak.signum() > 0 ? " (" + Formats.integer(streak) + " months in a row)" : ""));
            }
        }
        if (!zeros.isEmpty()) {
            notes.add("Reported as zero: " + String.join("; ", zeros) + ".");
        }
        notes.add("Every figure is in the workbook, with the monthly detail it is summed from.");
        return String.join(" ", notes);
    }

    void labor(Dataset dataset) throws DocumentException {
        heading(dataset.title());
        List<String> locations = indicators.categoriesOf(dataset);
        if (locations.isEmpty()) {
            document.add(paragraph("No labor figures in " + briefing.period() + ".", fonts.body(), 0, 4));
            return;
        }
        document.add(paragraph("DPRK workers in China, " + briefing.period() + ", by location", fonts.subheading(), 2, 1));
        document.add(figuresTable(dataset, locations, dataset.categoryHeader(), LABOR_FIGURES));
        document.add(paragraph("Workers entering: sum over the quarter's months. Workers employed: the latest month "
                + "reported in the quarter. Mean wage: monthly wage converted to US dollars at the year's rate. "
                + "DPRK/local wage: a DPRK worker's wage as a share of a local worker's in the same job and "
                + "currency. n/a where the inputs give no such figure or no conversion rate (see "
                + DATA_QUALITY + ").", fonts.smallGrey(), 1, 2));
    }

}
