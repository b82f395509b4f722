package org.dprktrade.briefing.report.pdf;

import static org.dprktrade.briefing.indicators.IndicatorName.*;
import static org.dprktrade.briefing.report.pdf.PdfBriefingWriter.*;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.math.BigDecimal;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.ListItem;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import org.dprktrade.briefing.indicators.Indicator;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.report.ReportTitles;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfTemplate;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.report.chart.HeadlineCharts;
import org.dprktrade.briefing.report.chart.QuarterlyTotals;
import org.dprktrade.briefing.report.chart.TradeCharts;
import org.jfree.chart.JFreeChart;

/** The briefing's first page: title (and provisional banner), key developments, the quarter at a glance. */
class OpeningSections extends PdfPage {

    OpeningSections(PdfPage page) {
        super(page);
    }

    void title() throws DocumentException {
        document.add(paragraph(ReportTitles.title(briefing.period()), fonts.title(), 0, 2));
        document.add(paragraph(ReportTitles.generated(briefing), fonts.smallGrey(), 0, 6));
        if (briefing.revisionNote() != null) {
            // readers must know which of two briefings for the quarter counts
            document.add(paragraph(briefing.revisionNote(), fonts.alert(), 0, 6));
        }
        if (briefing.provisional()) {
            document.add(provisionalBanner());
        }
    }

    /** A tinted box with a red rule on the left: the one thing on page 1 that must not be missed. */
    private PdfPTable provisionalBanner() {
        PdfPTable banner = new PdfPTable(1);
        banner.setWidthPercentage(100);
        banner.setSpacingBefore(2);
        banner.setSpacingAfter(4);
        Paragraph text = new Paragraph();
        text.add(new Chunk("PROVISIONAL", fonts.alert()));
        text.add(new Chunk("   figures may change when the missing months are reported: ", fonts.body()));
        text.add(text(String.join("; ", indicators.provisionalReasons()), fonts.body()));
        PdfPCell cell = new PdfPCell(text);
        cell.setBackgroundColor(BANNER_FILL);
        cell.setBorder(Rectangle.LEFT);
        cell.setBorderColorLeft(ALERT);
        cell.setBorderWidthLeft(4);
        cell.setPadding(7);
        cell.setPaddingLeft(10);
        banner.addCell(cell);
        return banner;
    }

    void keyDevelopments() throws DocumentException {
        heading(KEY_DEVELOPMENTS);
        com.lowagie.text.List list = bullets();
        List<String> sentences = briefing.keyDevelopments();
        if (sentences.isEmpty()) {
            list.add(new ListItem("No figures for this quarter.", fonts.body()));
        }
        sentences.forEach(s -> list.add(listItem(s)));
        document.add(list);
    }

    /** One row per dataset: the figure readers look for first, with its changes. */
    void atAGlance() throws DocumentException {
        heading(AT_A_GLANCE);
        PdfPTable table = table(new float[] {1.3f, 1.2f, 1.1f, 1.1f, 1.1f, 1.1f, 1.2f, 0.8f});
        for (String h : List.of("dataset", "measure", "This quarter", "Change on quarter (%)", "Change on year (%)",
                "Year to date", "Year to date, change on year (%)", "Months reported")) {
            table.addCell(headerCell(h, h.equals("dataset") || h.equals("measure") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT));
        }
        String all = Indicator.ALL;
        for (Dataset dataset : briefing.datasets()) {
            boolean trade = dataset.isTrade();
            table.addCell(cell(dataset.title(), fonts.tableBold(), Element.ALIGN_LEFT));
            table.addCell(cell(trade ? "tonnes" : "workers entering", fonts.table(), Element.ALIGN_LEFT));
            if (indicators.categoriesOf(dataset).isEmpty()) {
                PdfPCell none = cell("no figures for " + briefing.period(), fonts.tableGrey(), Element.ALIGN_LEFT);
                none.setColspan(6);
                table.addCell(none);
                continue;
            }
            table.addCell(figure(dataset, all, trade ? QUANTITY_T : WORKERS_ENTERING, fonts.table()));
            table.addCell(figure(dataset, all, QOQ_PCT, fonts.table()));
            table.addCell(figure(dataset, all, trade ? YOY_PCT : WORKERS_ENTERING_YOY_PCT, fonts.table()));
            table.addCell(figure(dataset, all, YTD_QUANTITY_T, fonts.table()));
            table.addCell(figure(dataset, all, YTD_YOY_PCT, fonts.table()));
            table.addCell(figure(dataset, all, MONTHS_REPORTED, fonts.table()));
        }
        document.add(table);
        document.add(paragraph("Changes compare the quarter with the previous quarter and with the same quarter a year "
                + "earlier; \u25B2 up, \u25BC down; n/a where the earlier figure is zero or missing; blank where "
                + "the measure does not apply.", fonts.smallGrey(), 1, 2));
    }

    /**
     * Page 1's headline figure: one small chart per dataset of its quarterly totals, this quarter
     * highlighted, in a grid that fills what is left of the page (on a page of its own where too little is).
     */
    void headline() throws DocumentException {
        List<JFreeChart> multiples = new ArrayList<>();
        List<Quarter> quarters = new ArrayList<>();
        for (int i = chartQuarters - 1; i >= 0; i--) {
            quarters.add(briefing.period().plusQuarters(-i));
        }
        for (Dataset dataset : briefing.datasets()) {
            Map<Quarter, BigDecimal> totals = new LinkedHashMap<>();
            String title;
            String unit;
            if (dataset.isTrade()) {
                TradeFigures figures = briefing.trade().get(dataset);
                if (figures == null) {
                    continue;
                }
                QuarterlyTotals q = QuarterlyTotals.of(figures, briefing.period(), chartQuarters);
                quarters.forEach(quarter -> totals.put(quarter, q.total(quarter)));
                title = capitalised(dataset.id()) + " " + dataset.flow().noun();
                unit = "tonnes";
            } else {
                if (briefing.labor() == null || briefing.labor().isEmpty()) {
                    continue;
                }
                for (Quarter quarter : quarters) {
                    totals.put(quarter, briefing.labor().totals()
                            .subMap(quarter.firstMonth(), true, quarter.lastMonth(), true).values().stream()
                            .map(m -> m.workersEntering()).filter(java.util.Objects::nonNull)
                            .map(BigDecimal::valueOf).reduce(BigDecimal::add).orElse(null));
                }
                title = "Workers entering China";
                unit = "workers";
            }
            multiples.add(HeadlineCharts.smallMultiple(title, unit, quarters, totals, font.awt()));
        }
        if (multiples.isEmpty()) {
            return;
        }
        int columns = multiples.size() <= 4 ? 2 : 3;
        int rows = (multiples.size() + columns - 1) / columns;
        float minimum = rows * 120 + 30;
        if (space() < minimum) {
            document.newPage();
        }
        document.add(paragraph("Quarterly totals, last " + chartQuarters + " quarters; " + briefing.period()
                + " dark and labelled", fonts.subheading(), 6, 0));
        float width = document.right() - document.left();
        float height = Math.min(space() - 16, rows * 230);
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        Graphics2D g = template.createGraphics(width, height, font.mapper());
        try {
            float cellWidth = width / columns;
            float cellHeight = height / rows;
            for (int i = 0; i < multiples.size(); i++) {
                TradeCharts.draw(multiples.get(i), g, new Rectangle2D.Double((i % columns) * cellWidth,
                        (i / columns) * cellHeight, cellWidth - 6, cellHeight - 6));
            }
        } finally {
            g.dispose();
        }
        Image image = Image.getInstance(template);
        image.setSpacingBefore(2);
        document.add(image);
    }
}
