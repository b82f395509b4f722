package org.dprktrade.briefing.report.pdf;

import static org.dprktrade.briefing.indicators.IndicatorName.*;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.indicators.Indicator;
import org.dprktrade.briefing.indicators.IndicatorName;
import org.dprktrade.briefing.indicators.QuarterIndicators;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.RowProblem;
import org.dprktrade.briefing.report.Briefing;
import org.dprktrade.briefing.report.Formats;
import org.dprktrade.briefing.ingest.InputSummary;
import org.dprktrade.briefing.report.ReportProperties;
import org.dprktrade.briefing.report.ReportTitles;
import org.dprktrade.briefing.report.chart.QuarterlyTotals;
import org.dprktrade.briefing.report.chart.TradeCharts;
import org.jfree.chart.JFreeChart;

/**
 * Writes {@code briefing-<period>.pdf} (A4) with OpenPDF, in fixed steps: document → writer →
 * metadata → open → body → close. The body, in this order (each section also a PDF bookmark):
 * <ol>
 * <li>the title with the period, the generation time and run, and a coloured PROVISIONAL banner with
 * its reasons where due;</li>
 * <li>{@value #KEY_DEVELOPMENTS}: the sentences computed by the indicators stage, as given;</li>
 * <li>{@value #AT_A_GLANCE}: one line per dataset (quarter total, changes, year to date);</li>
 * <li>per trade dataset a key-figures table by category and total (quantity, share, value, unit value,
 * changes on the quarter and the year, year to date, months reported) and two charts side by side,
 * drawn as vectors: tonnes per quarter by category over the last quarters, and the quarter's
 * category mix;</li>
 * <li>{@value #LABOR}: workers entering, employed, wages and the wage ratio by location;</li>
 * <li>{@value #DATA_QUALITY}: counts per input file and the first {@value #PROBLEMS_LISTED} problems;</li>
 * <li>{@value #SOURCES}: the inputs' source texts and the files read with their checksums.</li>
 * </ol>
 * Changes carry their direction as ▲ or ▼ beside the signed value; undefined values read {@code n/a}.
 * Every page carries "page X of Y" and the run id. All text uses the bundled {@link EmbeddedFont}, so
 * Korean and Chinese text shows and extracts.
 *
 * <p>Stateless and thread-safe; memory grows with the size of the document, which is small.
 */
public final class PdfBriefingWriter {

    static final String KEY_DEVELOPMENTS = "Key developments";
    static final String AT_A_GLANCE = "The quarter at a glance";
    static final String LABOR = "Labor";
    static final String DATA_QUALITY = "Data quality";
    static final String SOURCES = "Sources";
    static final int PROBLEMS_LISTED = 20;
    /** Points a heading needs below it on the same page: itself, a subheading and a few table rows. */
    static final float MIN_SPACE_AFTER_HEADING = 110;
    static final float CHART_HEIGHT = 172;
    /** The share of the page width given to the bars; the pie takes the rest. */
    static final float BARS_SHARE = 0.58f;

    static final Color GREY = new Color(0x555555);
    static final Color RULE = new Color(0xBBBBBB);
    static final Color HEADER_FILL = new Color(0xE8E8E8);
    static final Color TOTAL_FILL = new Color(0xF4F4F4);
    static final Color ALERT = new Color(0xB00020);
    static final Color BANNER_FILL = new Color(0xFDECEA);
    static final Color UP = new Color(0x1B7F3B);
    static final Color DOWN = ALERT;
    static final String ARROW_UP = "\u25B2";
    static final String ARROW_DOWN = "\u25BC";

    /** A column of a figures table: the indicator it shows and its relative width. */
    record Column(IndicatorName name, float width) {
        String header() {
            return ReportTitles.label(name);
        }
    }

    static final List<Column> KEY_FIGURES = List.of(
            new Column(QUANTITY_T, 1.05f), new Column(SHARE_PCT, 0.7f), new Column(VALUE_USD, 1.25f),
            new Column(UNIT_VALUE_USD_PER_T, 0.95f), new Column(QOQ_PCT, 1.05f), new Column(YOY_PCT, 1.05f),
            new Column(YTD_QUANTITY_T, 1.05f), new Column(YTD_YOY_PCT, 1.05f), new Column(MONTHS_REPORTED, 0.75f));
    static final List<Column> LABOR_FIGURES = List.of(
            new Column(WORKERS_ENTERING, 1), new Column(WORKERS_ENTERING_YOY_PCT, 1.1f), new Column(WORKERS_EMPLOYED, 1),
            new Column(WAGE_USD, 1), new Column(WAGE_RATIO_PCT, 1), new Column(MONTHS_REPORTED, 0.8f));

    private final int chartQuarters;
    private final String organisation;

    /** With charts over the last 8 quarters. */
    public PdfBriefingWriter() {
        this(8);
    }

    /** @param chartQuarters quarters the charts span, ending with the briefing's quarter */
    public PdfBriefingWriter(int chartQuarters) {
        this(chartQuarters, ReportProperties.DEFAULT_ORGANISATION);
    }

    /**
     * @param chartQuarters quarters the charts span, ending with the briefing's quarter
     * @param organisation  the document's author
     */
    public PdfBriefingWriter(int chartQuarters, String organisation) {
        if (chartQuarters < 1) {
            throw new IllegalArgumentException("chartQuarters must be at least 1: " + chartQuarters);
        }
        this.chartQuarters = chartQuarters;
        this.organisation = organisation;
    }

    public void write(Briefing briefing, OutputStream out) throws IOException {
        EmbeddedFont font = EmbeddedFont.get();
        Fonts fonts = new Fonts(font.pdf());
        Document document = new Document(PageSize.A4, 42, 42, 48, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            // Keep charts where they are written: by default OpenPDF moves an image that does not fit
            // behind the text that follows it.
            writer.setStrictImageSequence(true);
            writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
            writer.setPageEvent(new Footer(briefing, font.pdf()));
            // what a library's catalogue, a search and a screen reader see of the file
            document.addTitle(ReportTitles.title(briefing.period()));
            document.addSubject("DPRK\u2013China trade indicators for " + briefing.period());
            document.addAuthor(organisation);
            document.addKeywords(String.join(", ", keywords(briefing)));
            writer.getExtraCatalog().put(new com.lowagie.text.pdf.PdfName("Lang"), new com.lowagie.text.pdf.PdfString("en"));
            document.addCreator("briefing, run " + briefing.runId());
            document.open();
            body(new PdfPage(document, writer, briefing, fonts, font, chartQuarters));
            document.close();
        } catch (DocumentException e) {
            throw new IOException("cannot write the PDF briefing for " + briefing.period() + ": " + e.getMessage(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
    }

    /** The period, the quarter, and every dataset the briefing covers. */
    private static List<String> keywords(Briefing briefing) {
        List<String> keywords = new ArrayList<>(List.of(briefing.period().toString(), "DPRK", "China", "trade"));
        briefing.datasets().stream().map(Dataset::id).forEach(keywords::add);
        return keywords;
    }

    /** The text styles, all from the one embedded face. */
    record Fonts(Font title, Font heading, Font subheading, Font body, Font small, Font smallGrey,
                         Font tableHeader, Font table, Font tableBold, Font tableGrey, Font alert) {

        Fonts(BaseFont base) {
            this(new Font(base, 17, Font.BOLD), new Font(base, 12.5f, Font.BOLD), new Font(base, 10, Font.BOLD),
                    new Font(base, 9.5f), new Font(base, 8), new Font(base, 8, Font.NORMAL, GREY),
                    new Font(base, 7, Font.BOLD), new Font(base, 7.5f), new Font(base, 7.5f, Font.BOLD),
                    new Font(base, 7.5f, Font.NORMAL, GREY), new Font(base, 11, Font.BOLD, ALERT));
        }
    }

    /** The sections top to bottom: trade datasets first, then labor, each in configuration order. */
    private static void body(PdfPage page) throws DocumentException {
        OpeningSections opening = new OpeningSections(page);
        opening.title();
        opening.keyDevelopments();
        opening.atAGlance();
        opening.headline();
        DatasetSections datasets = new DatasetSections(page);
        for (Dataset dataset : page.briefing.datasets()) {
            if (dataset.isTrade()) {
                datasets.trade(dataset);
            }
        }
        for (Dataset dataset : page.briefing.datasets()) {
            if (!dataset.isTrade()) {
                datasets.labor(dataset);
            }
        }
        ClosingSections closing = new ClosingSections(page);
        closing.dataQuality();
        closing.sources();
    }

    /**
     * Writes the footer of every page: the title and run on the left, "page X of Y" on the right. Y
     * is not known until the end, so each page shows a shared template that is filled in on close.
     */
    static final class Footer extends PdfPageEventHelper {

        private static final float SIZE = 7.5f;
        private final Briefing briefing;
        private final BaseFont base;
        private PdfTemplate total;

        Footer(Briefing briefing, BaseFont base) {
            this.briefing = briefing;
            this.base = base;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            float y = document.bottom() - 24;
            Font f = new Font(base, SIZE, Font.NORMAL, GREY);
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT,
                    new Phrase("DPRK\u2013China trade briefing " + briefing.period() + " \u00b7 run " + briefing.runId()
                            + " \u00b7 generated " + Formats.dateTime(briefing.generatedAt()), f),
                    document.left(), y, 0);
            // Left-aligned with its trailing space measured: right alignment would trim the space and
            // glue the total to "of". Room is kept for a four-digit total.
            String page = "page " + writer.getPageNumber() + " of ";
            float x = document.right() - base.getWidthPoint("9999", SIZE) - base.getWidthPoint(page, SIZE);
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(page, f), x, y, 0);
            cb.addTemplate(total, x + base.getWidthPoint(page, SIZE), y);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(base, SIZE);
            total.setColorFill(GREY);
            total.setTextMatrix(0, 0);
            total.showText(Integer.toString(writer.getPageNumber() - 1));
            total.endText();
        }
    }

    static String capitalised(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }
}
