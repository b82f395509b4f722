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
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.report.Briefing;
import org.dprktrade.briefing.report.Formats;
import org.dprktrade.briefing.report.InputSummary;
import org.dprktrade.briefing.report.ReportProperties;
import org.dprktrade.briefing.report.ReportTitles;
import org.dprktrade.briefing.report.chart.HeadlineCharts;
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
    private static final float MIN_SPACE_AFTER_HEADING = 110;
    private static final float CHART_HEIGHT = 172;
    /** The share of the page width given to the bars; the pie takes the rest. */
    private static final float BARS_SHARE = 0.58f;

    private static final Color GREY = new Color(0x555555);
    private static final Color RULE = new Color(0xBBBBBB);
    private static final Color HEADER_FILL = new Color(0xE8E8E8);
    private static final Color TOTAL_FILL = new Color(0xF4F4F4);
    private static final Color ALERT = new Color(0xB00020);
    private static final Color BANNER_FILL = new Color(0xFDECEA);
    private static final Color UP = new Color(0x1B7F3B);
    private static final Color DOWN = ALERT;
    private static final String ARROW_UP = "\u25B2";
    private static final String ARROW_DOWN = "\u25BC";

    /** A column of a figures table: the indicator it shows and its relative width. */
    private record Column(IndicatorName name, float width) {
        String header() {
            return ReportTitles.label(name);
        }
    }

    private static final List<Column> KEY_FIGURES = List.of(
            new Column(QUANTITY_T, 1.05f), new Column(SHARE_PCT, 0.7f), new Column(VALUE_USD, 1.25f),
            new Column(UNIT_VALUE_USD_PER_T, 0.95f), new Column(QOQ_PCT, 1.05f), new Column(YOY_PCT, 1.05f),
            new Column(YTD_QUANTITY_T, 1.05f), new Column(YTD_YOY_PCT, 1.05f), new Column(MONTHS_REPORTED, 0.75f));
    private static final List<Column> LABOR_FIGURES = List.of(
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
            new Body(document, writer, briefing, fonts, font, chartQuarters).write();
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
        briefing.indicators().indicators().stream().map(i -> i.dataset().id()).distinct().forEach(keywords::add);
        return keywords;
    }

    /** The text styles, all from the one embedded face. */
    private record Fonts(Font title, Font heading, Font subheading, Font body, Font small, Font smallGrey,
                         Font tableHeader, Font table, Font tableBold, Font tableGrey, Font alert) {

        Fonts(BaseFont base) {
            this(new Font(base, 17, Font.BOLD), new Font(base, 12.5f, Font.BOLD), new Font(base, 10, Font.BOLD),
                    new Font(base, 9.5f), new Font(base, 8), new Font(base, 8, Font.NORMAL, GREY),
                    new Font(base, 7, Font.BOLD), new Font(base, 7.5f), new Font(base, 7.5f, Font.BOLD),
                    new Font(base, 7.5f, Font.NORMAL, GREY), new Font(base, 11, Font.BOLD, ALERT));
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
        private final int chartQuarters;

        Body(Document document, PdfWriter writer, Briefing briefing, Fonts fonts, EmbeddedFont font, int chartQuarters) {
            this.document = document;
            this.writer = writer;
            this.briefing = briefing;
            this.indicators = briefing.indicators();
            this.fonts = fonts;
            this.font = font;
            this.chartQuarters = chartQuarters;
        }

        void write() throws DocumentException {
            title();
            keyDevelopments();
            atAGlance();
            headline();
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
            document.add(paragraph(ReportTitles.title(briefing.period()), fonts.title, 0, 2));
            document.add(paragraph(ReportTitles.generated(briefing), fonts.smallGrey, 0, 6));
            if (briefing.revisionNote() != null) {
                // readers must know which of two briefings for the quarter counts
                document.add(paragraph(briefing.revisionNote(), fonts.alert, 0, 6));
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
            text.add(new Chunk("PROVISIONAL", fonts.alert));
            text.add(new Chunk("   figures may change when the missing months are reported: ", fonts.body));
            text.add(text(String.join("; ", indicators.provisionalReasons()), fonts.body));
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

        private void keyDevelopments() throws DocumentException {
            heading(KEY_DEVELOPMENTS);
            com.lowagie.text.List list = bullets();
            List<String> sentences = briefing.keyDevelopments();
            if (sentences.isEmpty()) {
                list.add(new ListItem("No figures for this quarter.", fonts.body));
            }
            sentences.forEach(s -> list.add(listItem(s)));
            document.add(list);
        }

        /** One row per dataset: the figure readers look for first, with its changes. */
        private void atAGlance() throws DocumentException {
            heading(AT_A_GLANCE);
            PdfPTable table = table(new float[] {1.3f, 1.2f, 1.1f, 1.1f, 1.1f, 1.1f, 1.2f, 0.8f});
            for (String h : List.of("dataset", "measure", "This quarter", "Change on quarter (%)", "Change on year (%)",
                    "Year to date", "Year to date, change on year (%)", "Months reported")) {
                table.addCell(headerCell(h, h.equals("dataset") || h.equals("measure") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT));
            }
            String all = Indicator.ALL;
            for (Dataset dataset : Dataset.values()) {
                boolean trade = dataset.isTrade();
                table.addCell(cell(capitalised(dataset.id()), fonts.tableBold, Element.ALIGN_LEFT));
                table.addCell(cell(trade ? "tonnes" : "workers entering", fonts.table, Element.ALIGN_LEFT));
                if (indicators.categoriesOf(dataset).isEmpty()) {
                    PdfPCell none = cell("no figures for " + briefing.period(), fonts.tableGrey, Element.ALIGN_LEFT);
                    none.setColspan(6);
                    table.addCell(none);
                    continue;
                }
                table.addCell(figure(dataset, all, trade ? QUANTITY_T : WORKERS_ENTERING, fonts.table));
                table.addCell(figure(dataset, all, QOQ_PCT, fonts.table));
                table.addCell(figure(dataset, all, trade ? YOY_PCT : WORKERS_ENTERING_YOY_PCT, fonts.table));
                table.addCell(figure(dataset, all, YTD_QUANTITY_T, fonts.table));
                table.addCell(figure(dataset, all, YTD_YOY_PCT, fonts.table));
                table.addCell(figure(dataset, all, MONTHS_REPORTED, fonts.table));
            }
            document.add(table);
            document.add(paragraph("Changes compare the quarter with the previous quarter and with the same quarter a year "
                    + "earlier; \u25B2 up, \u25BC down; n/a where the earlier figure is zero or missing; blank where "
                    + "the measure does not apply.", fonts.smallGrey, 1, 2));
        }

        private void trade(Dataset dataset) throws DocumentException {
            String name = capitalised(dataset.id());
            List<String> categories = indicators.categoriesOf(dataset);
            PdfPTable table = categories.isEmpty() ? null : figuresTable(dataset, categories,
                    dataset.categoryColumn().header(), KEY_FIGURES);
            // Keep the table and its charts on one page where they fit on one at all: the table, the
            // chart and about 92 points of heading, subheading, notes and spacing.
            float needed = 92 + CHART_HEIGHT + (table == null ? 20 : height(table));
            if (space() < needed && needed < document.top() - document.bottom()) {
                document.newPage();
            }
            heading(name);
            if (table == null) {
                document.add(paragraph("No figures for " + dataset.id() + " in " + briefing.period() + ".",
                        fonts.body, 0, 4));
            } else {
                document.add(paragraph("Key figures, " + briefing.period() + ", by " + dataset.categoryColumn().header(),
                        fonts.subheading, 2, 1));
                document.add(table);
                document.add(paragraph(tradeNotes(dataset, categories), fonts.smallGrey, 1, 2));
            }
            TradeFigures figures = briefing.trade().get(dataset);
            if (figures != null && !figures.isEmpty()) {
                QuarterlyTotals totals = QuarterlyTotals.of(figures, briefing.period(), chartQuarters);
                charts(TradeCharts.totalsByCategory(name + ": tonnes per quarter, last " + chartQuarters + " quarters",
                                totals, font.awt()),
                        TradeCharts.categoryMix(name + ": mix of " + briefing.period() + " by tonnes", totals, font.awt()));
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
                    zeros.add(ReportTitles.category(category) + " in " + Formats.integer(zeroMonths) + " of 3 months"
                            + (streak != null && streak.signum() > 0 ? " (" + Formats.integer(streak) + " months in a row)" : ""));
                }
            }
            if (!zeros.isEmpty()) {
                notes.add("Reported as zero: " + String.join("; ", zeros) + ".");
            }
            notes.add("Every figure is in the workbook, with the monthly detail it is summed from.");
            return String.join(" ", notes);
        }

        private void labor() throws DocumentException {
            heading(LABOR);
            List<String> locations = indicators.categoriesOf(Dataset.LABOR);
            if (locations.isEmpty()) {
                document.add(paragraph("No labor figures in " + briefing.period() + ".", fonts.body, 0, 4));
                return;
            }
            document.add(paragraph("DPRK workers in China, " + briefing.period() + ", by location", fonts.subheading, 2, 1));
            document.add(figuresTable(Dataset.LABOR, locations, "location", LABOR_FIGURES));
            document.add(paragraph("Workers entering: sum over the quarter's months. Workers employed: the latest month "
                    + "reported in the quarter. Mean wage: monthly wage converted to US dollars at the year's rate. "
                    + "DPRK/local wage: a DPRK worker's wage as a share of a local worker's in the same job and "
                    + "currency. n/a where the inputs give no such figure or no conversion rate (see "
                    + DATA_QUALITY + ").", fonts.smallGrey, 1, 2));
        }

        /** Categories down, indicators across; the total row first, bold and shaded. */
        private PdfPTable figuresTable(Dataset dataset, List<String> categories, String firstHeader, List<Column> columns)
                throws DocumentException {
            float[] widths = new float[columns.size() + 1];
            widths[0] = 1.5f;
            for (int c = 0; c < columns.size(); c++) {
                widths[c + 1] = columns.get(c).width();
            }
            PdfPTable table = table(widths);
            table.addCell(headerCell(firstHeader, Element.ALIGN_LEFT));
            columns.forEach(c -> table.addCell(headerCell(c.header(), Element.ALIGN_RIGHT)));
            for (String category : categories) {
                boolean all = Indicator.ALL.equals(category);
                Font f = all ? fonts.tableBold : fonts.table;
                PdfPCell first = cell(ReportTitles.category(category), f, Element.ALIGN_LEFT);
                shade(first, all);
                table.addCell(first);
                for (Column c : columns) {
                    PdfPCell cell = figure(dataset, category, c.name(), f);
                    shade(cell, all);
                    table.addCell(cell);
                }
            }
            return table;
        }

        /**
         * One indicator as a right-aligned cell: blank where the indicator does not apply (the share of
         * the total), {@code n/a} where it is undefined, a change with its arrow and sign.
         */
        private PdfPCell figure(Dataset dataset, String category, IndicatorName name, Font f) {
            Optional<Indicator> found = indicators.find(dataset, category, name);
            if (found.isEmpty()) {
                return cell("", f, Element.ALIGN_RIGHT);
            }
            BigDecimal value = found.get().value();
            if (value == null) {
                return cell(Formats.NOT_AVAILABLE, fonts.tableGrey, Element.ALIGN_RIGHT);
            }
            if (!Formats.isChange(name)) {
                String text = name.isPercentage() ? Formats.number(value, 1) : Formats.display(value, name);
                return cell(text, f, Element.ALIGN_RIGHT);
            }
            Phrase phrase = new Phrase();
            int sign = Formats.roundedSign(value, 1);
            if (sign != 0) {
                phrase.add(new Chunk((sign > 0 ? ARROW_UP : ARROW_DOWN) + " ",
                        new Font(f.getBaseFont(), f.getSize(), Font.NORMAL, sign > 0 ? UP : DOWN)));
            }
            phrase.add(new Chunk(Formats.signed(value, 1), f));
            return cell(phrase, Element.ALIGN_RIGHT);
        }

        private static void shade(PdfPCell cell, boolean total) {
            if (total) {
                cell.setBackgroundColor(TOTAL_FILL);
            }
        }

        /** The two charts of a dataset side by side in one vector drawing. */
        /**
         * Page 1's headline figure: one small chart per dataset of its quarterly totals, this quarter
         * highlighted, in a grid that fills what is left of the page (on a page of its own where too little is).
         */
        private void headline() throws DocumentException {
            List<JFreeChart> multiples = new ArrayList<>();
            List<Quarter> quarters = new ArrayList<>();
            for (int i = chartQuarters - 1; i >= 0; i--) {
                quarters.add(briefing.period().plusQuarters(-i));
            }
            for (Dataset dataset : Dataset.values()) {
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
                    title = capitalised(dataset.id()) + " imports";
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
                    + " dark and labelled", fonts.subheading, 6, 0));
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

        private void charts(JFreeChart bars, JFreeChart pie) throws DocumentException {
            float width = document.right() - document.left();
            PdfTemplate template = writer.getDirectContent().createTemplate(width, CHART_HEIGHT);
            Graphics2D g = template.createGraphics(width, CHART_HEIGHT, font.mapper());
            try {
                float barsWidth = width * BARS_SHARE;
                TradeCharts.draw(bars, g, new Rectangle2D.Double(0, 0, barsWidth, CHART_HEIGHT));
                TradeCharts.draw(pie, g, new Rectangle2D.Double(barsWidth, 0, width - barsWidth, CHART_HEIGHT));
            } finally {
                g.dispose();
            }
            Image image = Image.getInstance(template);
            image.setSpacingBefore(6);
            image.setSpacingAfter(4);
            document.add(image);
        }

        private void dataQuality() throws DocumentException {
            heading(DATA_QUALITY);
            List<RowProblem> problems = briefing.problems();
            Map<String, String> datasetOf = new LinkedHashMap<>();
            Map<String, long[]> perFile = new LinkedHashMap<>();
            for (InputSummary s : briefing.inputs()) {
                datasetOf.put(s.file(), s.dataset().id());
                perFile.put(s.file(), new long[] {s.rowsRead(), s.rowsAccepted(), s.rowsRejected(), s.warnings()});
            }
            for (RowProblem p : problems) {
                // Files that failed before a summary was made still get their counts.
                if (!datasetOf.containsKey(p.file())) {
                    perFile.computeIfAbsent(p.file(), f -> new long[] {-1, -1, 0, 0})[p.isError() ? 2 : 3]++;
                }
            }
            long rejected = perFile.values().stream().mapToLong(c -> c[2]).sum();
            long warnings = perFile.values().stream().mapToLong(c -> c[3]).sum();
            document.add(paragraph(Formats.count(rejected) + (rejected == 1 ? " row was" : " rows were")
                    + " rejected and " + Formats.count(warnings) + (warnings == 1 ? " warning was" : " warnings were")
                    + " raised while reading the inputs. Rejected rows are left out of every figure; rows with a "
                    + "warning are kept.", fonts.body, 0, 3));
            if (!perFile.isEmpty()) {
                PdfPTable table = table(new float[] {1.1f, 1.8f, 1, 1, 1, 1});
                table.addCell(headerCell("dataset", Element.ALIGN_LEFT));
                table.addCell(headerCell("file", Element.ALIGN_LEFT));
                for (String h : List.of("rows read", "accepted", "rejected", "warnings")) {
                    table.addCell(headerCell(h, Element.ALIGN_RIGHT));
                }
                perFile.forEach((file, c) -> {
                    table.addCell(cell(datasetOf.getOrDefault(file, ""), fonts.table, Element.ALIGN_LEFT));
                    table.addCell(cell(file, fonts.table, Element.ALIGN_LEFT));
                    for (int i = 0; i < c.length; i++) {
                        long n = c[i];
                        boolean flag = i >= 2 && n > 0;
                        table.addCell(cell(n < 0 ? "" : Formats.count(n), flag ? fonts.tableBold : fonts.table,
                                Element.ALIGN_RIGHT));
                    }
                });
                document.add(table);
            }
            if (problems.isEmpty()) {
                return;
            }
            String where = "the workbook's Data quality sheet and data-quality-" + briefing.period() + ".csv";
            document.add(paragraph(problems.size() <= PROBLEMS_LISTED
                    ? "All " + Formats.count(problems.size()) + (problems.size() == 1 ? " problem" : " problems")
                            + " (also in " + where + "):"
                    : "The first " + PROBLEMS_LISTED + " of " + Formats.count(problems.size())
                            + " problems; the rest are in " + where + ":",
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
            heading(SOURCES);
            com.lowagie.text.List list = bullets();
            for (Dataset dataset : Dataset.values()) {
                List<String> sources = briefing.sources().getOrDefault(dataset, List.of());
                if (!sources.isEmpty()) {
                    ListItem item = new ListItem();
                    item.add(new Chunk(capitalised(dataset.id()) + ": ", fonts.subheading));
                    item.add(text(String.join("; ", sources), fonts.body));
                    list.add(item);
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

        /** A section heading, also a bookmark, so a reader can jump to it from the viewer's outline. */
        private void heading(String text) throws DocumentException {
            // A heading alone at the foot of a page reads as a layout fault: start a new page instead.
            if (space() < MIN_SPACE_AFTER_HEADING) {
                document.newPage();
            }
            Paragraph p = paragraph(text, fonts.heading, 12, 4);
            p.setKeepTogether(true);
            document.add(p);
            float top = writer.getVerticalPosition(false) + fonts.heading.getSize() + 8;
            new PdfOutline(writer.getRootOutline(), new PdfDestination(PdfDestination.FITH, top), text);
        }

        /** Points left on the current page. */
        private float space() {
            return writer.getVerticalPosition(true) - document.bottom();
        }

        private float height(PdfPTable table) {
            table.setTotalWidth(document.right() - document.left());
            table.setLockedWidth(false);
            return table.calculateHeights(true);
        }

        private ListItem listItem(String text) {
            ListItem item = new ListItem(text(text, fonts.body));
            item.setSpacingAfter(2);
            return item;
        }

        private Paragraph paragraph(String text, Font f, float before, float after) {
            Paragraph p = new Paragraph(text(text, f));
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
            return cell(text(text, f), align);
        }

        /**
         * The one way text reaches the page: cleaned for a cell and set glyph by glyph in the first
         * bundled face that has it, so characters from the inputs (supplementary-plane ideographs,
         * emoji) are neither dropped nor lost silently.
         */
        private Phrase text(String text, Font f) {
            return font.phrase(Formats.cellText(text), f);
        }

        private PdfPCell cell(Phrase phrase, int align) {
            PdfPCell c = new PdfPCell(phrase);
            c.setHorizontalAlignment(align);
            c.setBorder(Rectangle.BOTTOM);
            c.setBorderColor(RULE);
            c.setBorderWidth(0.5f);
            c.setPaddingTop(2);
            c.setPaddingBottom(3);
            return c;
        }

        private static String shortened(String text, int max) {
            if (text.length() <= max) {
                return text;
            }
            int cut = max - 1;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--; // never split a supplementary character into a lone surrogate
            }
            return text.substring(0, cut) + "\u2026";
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
