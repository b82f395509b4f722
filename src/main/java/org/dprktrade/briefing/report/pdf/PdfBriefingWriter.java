package org.dprktrade.briefing.report.pdf;

import static org.dprktrade.briefing.indicators.IndicatorName.*;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.dprktrade.briefing.report.InputSummary;
import org.dprktrade.briefing.report.ReportTitles;
import org.dprktrade.briefing.report.chart.QuarterlyTotals;
import org.dprktrade.briefing.report.chart.TradeCharts;
import org.jfree.chart.JFreeChart;

/**
 * Writes {@code briefing-<period>.pdf} (A4) with OpenPDF, in fixed steps: document → writer →
 * metadata → open → body → close. The body: title with the provisional mark and its reasons, the
 * generation time, key developments, per trade dataset a key-figures table with every indicator of
 * the quarter and a chart of the last {@value #CHART_QUARTERS} quarters (totals and category mix,
 * drawn as vectors), the labor table, data-quality notes (counts per file and the first
 * {@value #PROBLEMS_LISTED} problems), and sources. Every page carries "page X of Y" and the run id.
 * All text uses the bundled {@link EmbeddedFont}, so Korean and Chinese text shows and extracts.
 *
 * <p>Stateless and thread-safe; memory grows with the size of the document, which is small.
 */
public final class PdfBriefingWriter {

    static final int CHART_QUARTERS = 8;
    static final int PROBLEMS_LISTED = 20;
    /** Points a heading needs below it on the same page: itself, a subheading and a few table rows. */
    private static final float MIN_SPACE_AFTER_HEADING = 110;

    private static final Color GREY = new Color(0x555555);
    private static final Color RULE = new Color(0xBBBBBB);
    private static final Color HEADER_FILL = new Color(0xE8E8E8);
    private static final Color ALERT = new Color(0xB00020);

    /** Key-figures columns: every trade indicator, split over two tables to fit a portrait page. */
    private static final List<Map.Entry<String, IndicatorName>> FIGURES = List.of(
            Map.entry("Quantity (t)", QUANTITY_T), Map.entry("Value (USD)", VALUE_USD),
            Map.entry("USD per t", UNIT_VALUE_USD_PER_T), Map.entry("Share", SHARE_PCT),
            Map.entry("Year to date (t)", YTD_QUANTITY_T), Map.entry("Last 4 quarters (t)", TRAILING_4Q_QUANTITY_T));
    private static final List<Map.Entry<String, IndicatorName>> CHANGES = List.of(
            Map.entry("Change on previous quarter", QOQ_PCT), Map.entry("Change on year earlier", YOY_PCT),
            Map.entry("Year to date, change on year earlier", YTD_YOY_PCT), Map.entry("Months reported", MONTHS_REPORTED),
            Map.entry("Months with zero", ZERO_MONTHS), Map.entry("Zero streak (months)", ZERO_STREAK_MONTHS));
    private static final List<Map.Entry<String, IndicatorName>> LABOR = List.of(
            Map.entry("Workers entering", WORKERS_ENTERING), Map.entry("Entering, change on year earlier", WORKERS_ENTERING_YOY_PCT),
            Map.entry("Workers employed", WORKERS_EMPLOYED), Map.entry("Mean wage (USD)", WAGE_USD),
            Map.entry("Wage ratio to local worker", WAGE_RATIO_PCT));

    public void write(Briefing briefing, OutputStream out) throws IOException {
        EmbeddedFont font = EmbeddedFont.get();
        Fonts fonts = new Fonts(font.pdf());
        Document document = new Document(PageSize.A4, 42, 42, 48, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer(briefing, font.pdf()));
            document.addTitle(ReportTitles.title(briefing.period()));
            document.addSubject("DPRK\u2013China trade indicators for " + briefing.period());
            document.addCreator("briefing, run " + briefing.runId());
            document.open();
            new Body(document, writer, briefing, fonts, font).write();
            document.close();
        } catch (DocumentException e) {
            throw new IOException("cannot write the PDF briefing for " + briefing.period() + ": " + e.getMessage(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
    }

    /** The text styles, all from the one embedded face. */
    private record Fonts(Font title, Font heading, Font subheading, Font body, Font small, Font smallGrey,
                         Font tableHeader, Font table, Font tableBold, Font alert) {

        Fonts(BaseFont base) {
            this(new Font(base, 17, Font.BOLD), new Font(base, 12.5f, Font.BOLD), new Font(base, 10, Font.BOLD),
                    new Font(base, 9.5f), new Font(base, 8), new Font(base, 8, Font.NORMAL, GREY),
                    new Font(base, 7.5f, Font.BOLD), new Font(base, 7.5f), new Font(base, 7.5f, Font.BOLD),
                    new Font(base, 11, Font.BOLD, ALERT));
        }
    }

    /** One document's body, written top to bottom. */
    private static final class Body {

        private final Document document;
        private final PdfWriter writer;
        private final Briefing briefing;
        private final QuarterIndicators indicators;
        private final Fonts fonts;
        private final EmbeddedFont font;

        Body(Document document, PdfWriter writer, Briefing briefing, Fonts fonts, EmbeddedFont font) {
            this.document = document;
            this.writer = writer;
            this.briefing = briefing;
            this.indicators = briefing.indicators();
            this.fonts = fonts;
            this.font = font;
        }

        void write() throws DocumentException {
            title();
            keyDevelopments();
            for (Dataset dataset : Dataset.values()) {
                if (dataset.isTrade()) {
                    trade(dataset);
                }
            }
            labor();
            dataQuality();
            sources();
        }

        private void title() throws DocumentException {
            document.add(paragraph(ReportTitles.title(briefing.period()), fonts.title, 0, 4));
            if (briefing.provisional()) {
                document.add(paragraph("PROVISIONAL", fonts.alert, 4, 1));
                com.lowagie.text.List reasons = bullets();
                indicators.provisionalReasons().forEach(r -> reasons.add(new ListItem(r, fonts.body)));
                document.add(reasons);
            }
            document.add(paragraph(ReportTitles.generated(briefing), fonts.smallGrey, 4, 6));
        }

        private void keyDevelopments() throws DocumentException {
            heading("Key developments");
            com.lowagie.text.List list = bullets();
            List<String> sentences = briefing.keyDevelopments();
            if (sentences.isEmpty()) {
                list.add(new ListItem("No figures for this quarter.", fonts.body));
            }
            sentences.forEach(s -> list.add(new ListItem(s, fonts.body)));
            document.add(list);
        }

        private void trade(Dataset dataset) throws DocumentException {
            heading(capitalised(dataset.id()));
            List<String> categories = indicators.categoriesOf(dataset);
            if (categories.isEmpty()) {
                document.add(paragraph("No figures for " + dataset.id() + " in " + briefing.period() + ".",
                        fonts.body, 0, 4));
            } else {
                document.add(paragraph("Key figures, " + briefing.period(), fonts.subheading, 2, 3));
                document.add(indicatorTable(dataset, categories, dataset.categoryColumn().header(), FIGURES));
                document.add(paragraph("Changes and reporting, " + briefing.period(), fonts.subheading, 6, 3));
                document.add(indicatorTable(dataset, categories, dataset.categoryColumn().header(), CHANGES));
            }
            TradeFigures figures = briefing.trade().get(dataset);
            if (figures != null && !figures.isEmpty()) {
                chart(TradeCharts.totalsByCategory(
                        capitalised(dataset.id()) + ": tonnes per quarter by " + dataset.categoryColumn().header()
                                + ", last " + CHART_QUARTERS + " quarters",
                        QuarterlyTotals.of(figures, briefing.period(), CHART_QUARTERS), font.awt()));
            }
        }

        private void labor() throws DocumentException {
            heading("Labor");
            List<String> locations = indicators.categoriesOf(Dataset.LABOR);
            if (locations.isEmpty()) {
                document.add(paragraph("No labor figures in " + briefing.period() + ".", fonts.body, 0, 4));
                return;
            }
            document.add(indicatorTable(Dataset.LABOR, locations, "location", LABOR));
        }

        private PdfPTable indicatorTable(Dataset dataset, List<String> categories, String firstHeader,
                                         List<Map.Entry<String, IndicatorName>> columns) throws DocumentException {
            PdfPTable table = table(columns.size() + 1);
            float[] widths = new float[columns.size() + 1];
            java.util.Arrays.fill(widths, 1f);
            widths[0] = 1.5f;
            table.setWidths(widths);
            table.addCell(headerCell(firstHeader, Element.ALIGN_LEFT));
            columns.forEach(c -> table.addCell(headerCell(c.getKey(), Element.ALIGN_RIGHT)));
            for (String category : categories) {
                boolean all = Indicator.ALL.equals(category);
                Font f = all ? fonts.tableBold : fonts.table;
                table.addCell(cell(category, f, Element.ALIGN_LEFT));
                for (Map.Entry<String, IndicatorName> c : columns) {
                    // Absent (e.g. the share of "all") is blank; present but undefined is n/a.
                    String text = indicators.find(dataset, category, c.getValue())
                            .map(i -> Formats.display(i.value(), c.getValue())).orElse("");
                    table.addCell(cell(text, f, Element.ALIGN_RIGHT));
                }
            }
            return table;
        }

        private void chart(JFreeChart chart) throws DocumentException {
            float width = document.right() - document.left();
            float height = 190;
            PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
            Graphics2D g = template.createGraphics(width, height, font.mapper());
            try {
                TradeCharts.draw(chart, g, new Rectangle2D.Double(0, 0, width, height));
            } finally {
                g.dispose();
            }
            Image image = Image.getInstance(template);
            image.setSpacingBefore(8);
            image.setSpacingAfter(4);
            document.add(image);
        }

        private void dataQuality() throws DocumentException {
            heading("Data quality");
            List<RowProblem> problems = briefing.problems();
            Map<String, long[]> perFile = new LinkedHashMap<>();
            for (InputSummary s : briefing.inputs()) {
                perFile.put(s.file(), new long[] {s.rowsRead(), s.rowsAccepted(), s.rowsRejected(), s.warnings()});
            }
            for (RowProblem p : problems) {
                // Files that failed before a summary was made still get their counts.
                long[] counts = perFile.computeIfAbsent(p.file(), f -> new long[] {-1, -1, 0, 0});
                if (!briefing.inputs().stream().anyMatch(s -> s.file().equals(p.file()))) {
                    counts[p.isError() ? 2 : 3]++;
                }
            }
            if (perFile.isEmpty()) {
                document.add(paragraph("No input files were summarised and no problems were found.", fonts.body, 0, 4));
            } else {
                PdfPTable table = table(new float[] {2.2f, 1, 1, 1, 1});
                table.addCell(headerCell("file", Element.ALIGN_LEFT));
                for (String h : List.of("rows read", "accepted", "rejected", "warnings")) {
                    table.addCell(headerCell(h, Element.ALIGN_RIGHT));
                }
                perFile.forEach((file, c) -> {
                    table.addCell(cell(file, fonts.table, Element.ALIGN_LEFT));
                    for (long n : c) {
                        table.addCell(cell(n < 0 ? "" : Formats.count(n), fonts.table, Element.ALIGN_RIGHT));
                    }
                });
                document.add(table);
            }
            if (problems.isEmpty()) {
                document.add(paragraph("No rows were rejected and there are no warnings.", fonts.body, 6, 4));
                return;
            }
            String csv = "data-quality-" + briefing.period() + ".csv";
            document.add(paragraph(problems.size() <= PROBLEMS_LISTED
                    ? "All " + Formats.count(problems.size()) + " problems (also in " + csv + "):"
                    : "The first " + PROBLEMS_LISTED + " of " + Formats.count(problems.size())
                            + " problems; all are listed in " + csv + " and the workbook's Data quality sheet:",
                    fonts.body, 8, 3));
            PdfPTable table = table(new float[] {1.6f, 0.5f, 1.1f, 0.8f, 3f, 1.6f});
            for (String h : List.of("file", "row", "column", "severity", "problem", "value")) {
                table.addCell(headerCell(h, h.equals("row") ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
            }
            for (RowProblem p : problems.subList(0, Math.min(PROBLEMS_LISTED, problems.size()))) {
                table.addCell(cell(p.file() + (p.sheet().isEmpty() ? "" : " / " + p.sheet()), fonts.table, Element.ALIGN_LEFT));
                table.addCell(cell(p.row() == 0 ? "" : Long.toString(p.row()), fonts.table, Element.ALIGN_RIGHT));
                table.addCell(cell(p.column(), fonts.table, Element.ALIGN_LEFT));
                table.addCell(cell(p.severity().label(), p.isError() ? fonts.tableBold : fonts.table, Element.ALIGN_LEFT));
                table.addCell(cell(p.problem(), fonts.table, Element.ALIGN_LEFT));
                table.addCell(cell(shortened(p.value(), 200), fonts.table, Element.ALIGN_LEFT));
            }
            document.add(table);
        }

        private void sources() throws DocumentException {
            heading("Sources");
            com.lowagie.text.List list = bullets();
            for (Dataset dataset : Dataset.values()) {
                List<String> sources = briefing.sources().getOrDefault(dataset, List.of());
                if (!sources.isEmpty()) {
                    list.add(new ListItem(capitalised(dataset.id()) + ": " + String.join("; ", sources), fonts.body));
                }
            }
            if (list.isEmpty()) {
                list.add(new ListItem("The input workbooks name no sources.", fonts.body));
            }
            document.add(list);
            if (!briefing.inputs().isEmpty()) {
                document.add(paragraph("Input files read (SHA-256):", fonts.small, 6, 2));
                for (InputSummary s : briefing.inputs()) {
                    document.add(paragraph(s.file() + ", sheet " + s.sheet() + ": " + s.sha256(), fonts.smallGrey, 0, 0));
                }
            }
        }

        // ---- building blocks -------------------------------------------------------------------

        private void heading(String text) throws DocumentException {
            // A heading alone at the foot of a page reads as a layout fault: start a new page instead.
            if (writer.getVerticalPosition(true) - document.bottom() < MIN_SPACE_AFTER_HEADING) {
                document.newPage();
            }
            Paragraph p = paragraph(text, fonts.heading, 12, 4);
            p.setKeepTogether(true);
            document.add(p);
        }

        private Paragraph paragraph(String text, Font f, float before, float after) {
            Paragraph p = new Paragraph(Formats.cellText(text), f);
            p.setSpacingBefore(before);
            p.setSpacingAfter(after);
            return p;
        }

        private com.lowagie.text.List bullets() {
            com.lowagie.text.List list = new com.lowagie.text.List(false, 10);
            list.setListSymbol(new Chunk("\u2022", fonts.body));
            return list;
        }

        /** A full-width table whose first row is a header repeated on every page it spans. */
        private static PdfPTable table(int columns) {
            return withDefaults(new PdfPTable(columns));
        }

        private static PdfPTable table(float[] relativeWidths) {
            return withDefaults(new PdfPTable(relativeWidths));
        }

        private static PdfPTable withDefaults(PdfPTable table) {
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.setSpacingBefore(3);
            table.setSpacingAfter(2);
            return table;
        }

        private PdfPCell headerCell(String text, int align) {
            PdfPCell c = cell(text, fonts.tableHeader, align);
            c.setBackgroundColor(HEADER_FILL);
            c.setVerticalAlignment(Element.ALIGN_BOTTOM);
            return c;
        }

        private PdfPCell cell(String text, Font f, int align) {
            PdfPCell c = new PdfPCell(new Phrase(Formats.cellText(text), f));
            c.setHorizontalAlignment(align);
            c.setBorder(Rectangle.BOTTOM);
            c.setBorderColor(RULE);
            c.setBorderWidth(0.5f);
            c.setPaddingTop(2);
            c.setPaddingBottom(3);
            return c;
        }

        private static String shortened(String text, int max) {
            return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
        }
    }

    /**
     * Writes the footer of every page: the title and run on the left, "page X of Y" on the right. Y
     * is not known until the end, so each page shows a shared template that is filled in on close.
     */
    private static final class Footer extends PdfPageEventHelper {

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

    private static String capitalised(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }
}
