package org.dprktrade.briefing.report.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.dprktrade.briefing.aggregate.LaborFigures;
import org.dprktrade.briefing.aggregate.LaborMonth;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.aggregate.TradeMonth;
import org.dprktrade.briefing.indicators.Indicator;
import org.dprktrade.briefing.indicators.IndicatorName;
import org.dprktrade.briefing.indicators.QuarterIndicators;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.RowProblem;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.report.Briefing;
import org.dprktrade.briefing.report.Formats;
import org.dprktrade.briefing.report.ReportTitles;

/**
 * Writes {@code briefing-<period>.xlsx} with SXSSF (streaming, a fixed window of rows in memory):
 * <ul>
 * <li>{@value #SUMMARY}: one row per dataset and category, one column per indicator; percentages
 * stored as fractions under {@code 0.0%}, undefined values as the text {@code n/a}; the change
 * columns coloured by direction (conditional formatting: green up, red down);</li>
 * <li>{@value #CHARTS}: a native bar chart of each trade dataset's quarterly total over the last
 * quarters, over a small table whose cells are formulas pointing at the dataset sheets' totals;</li>
 * <li>one sheet per dataset ({@code grain}, {@code fertilizer}, {@code labor}, {@code oil}) with the
 * monthly detail of the whole history and, after each quarter, total rows per category and for
 * {@code all} written as {@code SUM} formulas over the detail rows, with their values cached so that
 * viewers that do not recalculate still show them;</li>
 * <li>{@value #DATA_QUALITY}: every rejected row and warning;</li>
 * <li>{@value #ABOUT}: period, run, generation time, the inputs with their checksums and every
 * indicator's definition.</li>
 * </ul>
 * Every table sheet has a frozen header row and a filter. Text from the inputs is always written as
 * text cells, never as formulas. Stateless and thread-safe. Memory stays within the row window for
 * the streamed sheets; the chart sheet is a few rows held in memory.
 */
public final class WorkbookWriter {

    static final String SUMMARY = "Summary";
    static final String CHARTS = "Charts";
    static final String DATA_QUALITY = "Data quality";
    static final String ABOUT = "About";
    private static final int ROW_WINDOW = 200;
    private static final String TOTAL = "total";

    private final int chartQuarters;

    /** With a chart over the last 8 quarters. */
    public WorkbookWriter() {
        this(8);
    }

    /** @param chartQuarters quarters the chart spans, ending with the briefing's quarter */
    public WorkbookWriter(int chartQuarters) {
        if (chartQuarters < 1) {
            throw new IllegalArgumentException("chartQuarters must be at least 1: " + chartQuarters);
        }
        this.chartQuarters = chartQuarters;
    }

    public void write(Briefing briefing, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW);
        try {
            WorkbookStyles styles = new WorkbookStyles(workbook);
            writeSummary(workbook.createSheet(SUMMARY), briefing, styles);
            Map<Dataset, Map<Quarter, TotalRow>> totals = new LinkedHashMap<>();
            for (Dataset dataset : briefing.datasets()) {
                SXSSFSheet sheet = workbook.createSheet(dataset.id());
                if (dataset.isTrade()) {
                    TradeFigures figures = briefing.trade().getOrDefault(dataset, new TradeFigures(dataset));
                    totals.put(dataset, writeDataset(sheet, dataset, figures.categories(), figures::monthsOf,
                            TRADE_COLUMNS, styles));
                } else {
                    LaborFigures labor = briefing.labor();
                    writeDataset(sheet, dataset, labor.locations(), labor::monthsOf, LABOR_COLUMNS, styles);
                }
                printSetup(sheet, briefing, 0);
            }
            SXSSFSheet dataQuality = workbook.createSheet(DATA_QUALITY);
            writeDataQuality(dataQuality, briefing.problems(), styles);
            printSetup(dataQuality, briefing, 0);
            AboutSheet.write(workbook.createSheet(ABOUT), briefing, styles);
            // SXSSF sheets cannot hold a drawing with a chart; a plain XSSF sheet of the same workbook
            // can, and SXSSF writes it as it is. It is small: one row per quarter shown.
            XSSFSheet charts = workbook.getXSSFWorkbook().createSheet(CHARTS);
            ChartSheet.write(charts, briefing.period(), chartQuarters, totals, styles);
            workbook.setSheetOrder(CHARTS, 1);
            workbook.setActiveSheet(0);
            workbook.write(out);
        } finally {
            workbook.dispose(); // deletes the temporary sheet files SXSSF keeps on disk
            workbook.close();
        }
    }

    /** Where a quarter's {@code all} total of a trade dataset sheet is, and its value. */
    record TotalRow(int row, BigDecimal tonnes) {
    }

    // ---- Summary -------------------------------------------------------------------------------

    /**
     * One block per dataset — a header row with the indicators that dataset has, then a row for {@code all}
     * and for each category — so that the sheet reads on screen and prints one landscape page wide at a
     * legible scale (a single table of every indicator was some 20 columns wide). Each block after the first
     * starts a printed page; the indicators' ids, which the CSV uses, are in the About sheet.
     */
    private static void writeSummary(SXSSFSheet sheet, Briefing briefing, WorkbookStyles styles) {
        QuarterIndicators indicators = briefing.indicators();
        text(sheet.createRow(0), 0, ReportTitles.title(briefing.period()), styles.title);
        text(sheet.createRow(1), 0, ReportTitles.generated(briefing), styles.subtitle);
        if (briefing.provisional()) {
            text(sheet.createRow(2), 0, ReportTitles.provisional(indicators), styles.provisional);
        }
        int r = 3;
        int widest = 0;
        for (Dataset dataset : datasetsInOrder(indicators)) {
            if (r > 3) {
                sheet.setRowBreak(r - 1);
            }
            Set<IndicatorName> present = EnumSet.noneOf(IndicatorName.class);
            indicators.of(dataset).forEach(i -> present.add(i.name()));
            List<IndicatorName> columns = List.copyOf(present);
            widest = Math.max(widest, columns.size());

            SXSSFRow header = sheet.createRow(r++);
            header.setHeightInPoints(54); // four lines of a wrapped label
            text(header, 0, "dataset", styles.header);
            text(header, 1, "category", styles.header);
            for (int c = 0; c < columns.size(); c++) {
                text(header, c + 2, ReportTitles.label(columns.get(c)), styles.header);
            }
            int firstRow = r;
            for (String category : indicators.categoriesOf(dataset)) {
                SXSSFRow row = sheet.createRow(r++);
                boolean all = Indicator.ALL.equals(category);
                text(row, 0, dataset.id(), all ? styles.totalText : styles.text);
                text(row, 1, briefing.displayName(dataset, category), all ? styles.totalText : styles.text);
                for (int c = 0; c < columns.size(); c++) {
                    IndicatorName name = columns.get(c);
                    int column = c + 2;
                    indicators.find(dataset, category, name).ifPresent(i -> {
                        if (i.isDefined()) {
                            number(row, column, Formats.excelValue(i.value(), name), styles.of(name));
                        } else {
                            text(row, column, Formats.NOT_AVAILABLE, styles.notAvailable);
                        }
                    });
                }
            }
            if (r > firstRow) {
                colourChanges(sheet, columns, firstRow, r - 1);
            }
            r++; // a blank row between blocks
        }
        sheet.createFreezePane(2, 0);
        sheet.setColumnWidth(0, 11 * 256);
        sheet.setColumnWidth(1, 18 * 256);
        for (int c = 0; c < widest; c++) {
            // ten characters hold 99,999,999; the wrapped labels above take three lines at most
            sheet.setColumnWidth(c + 2, SUMMARY_FIGURE_WIDTH * 256);
        }
        printSetup(sheet, briefing, -1);
    }

    /** Characters per figure column of the Summary: 11 hold {@code 134,169,926}. */
    static final int SUMMARY_FIGURE_WIDTH = 11;

    /**
     * Printed (or converted to PDF): A4 landscape, one page wide, narrow margins, the briefing's title and
     * period in the page header, page numbers in the footer, and the sheet's header row on every page.
     *
     * @param headerRow the row repeated on every printed page, or -1 for none
     */
    static void printSetup(org.apache.poi.ss.usermodel.Sheet sheet, Briefing briefing, int headerRow) {
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.LeftMargin, 0.4);
        sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.RightMargin, 0.4);
        sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.TopMargin, 0.6);
        sheet.setMargin(org.apache.poi.ss.usermodel.Sheet.BottomMargin, 0.6);
        if (headerRow >= 0) {
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        }
        // & starts a code in a header: a title holding one must not turn into one
        sheet.getHeader().setCenter(ReportTitles.title(briefing.period()).replace("&", "&&"));
        sheet.getHeader().setRight(sheet.getSheetName().replace("&", "&&"));
        sheet.getFooter().setCenter("Page &P of &N");
    }

    /**
     * Green for a rise, red for a fall, on every change column. The rules test ISNUMBER first: Excel
     * compares text as greater than any number, so {@code n/a > 0} alone would be green.
     */
    private static void colourChanges(SXSSFSheet sheet, List<IndicatorName> columns, int firstRow, int lastRow) {
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        for (int c = 0; c < columns.size(); c++) {
            if (!Formats.isChange(columns.get(c))) {
                continue;
            }
            int column = c + 2;
            String topLeft = CellReference.convertNumToColString(column) + (firstRow + 1);
            ConditionalFormattingRule up = formatting.createConditionalFormattingRule(
                    "AND(ISNUMBER(" + topLeft + ")," + topLeft + ">0)");
            up.createFontFormatting().setFontColorIndex(IndexedColors.GREEN.getIndex());
            ConditionalFormattingRule down = formatting.createConditionalFormattingRule(
                    "AND(ISNUMBER(" + topLeft + ")," + topLeft + "<0)");
            down.createFontFormatting().setFontColorIndex(IndexedColors.RED.getIndex());
            formatting.addConditionalFormatting(
                    new CellRangeAddress[] {new CellRangeAddress(firstRow, lastRow, column, column)}, up, down);
        }
    }

    private static List<Dataset> datasetsInOrder(QuarterIndicators indicators) {
        return indicators.indicators().stream().map(Indicator::dataset).distinct().toList();
    }

    // ---- Dataset sheets --------------------------------------------------------------------------

    /**
     * A figure column of a dataset sheet: its header and width, the month's figure ({@code null}: a
     * blank cell), and what a total row sums ({@code null}: the figure does not add up over months, as
     * employment, a stock, and wages, means, do not — the total row leaves it blank).
     */
    private record FigureColumn<M>(String header, int width, Function<M, Double> figure,
                                   Function<WorkbookStyles, CellStyle> style, Function<M, BigDecimal> summed) {
    }

    private static final List<FigureColumn<TradeMonth>> TRADE_COLUMNS = List.of(
            new FigureColumn<>("quantity_t", 16, m -> m.quantityT().doubleValue(), s -> s.integer,
                    TradeMonth::quantityT),
            new FigureColumn<>("value_usd", 16, m -> m.hasValue() ? m.valueUsd().doubleValue() : null,
                    s -> s.integer, TradeMonth::valueUsd));

    private static final List<FigureColumn<LaborMonth>> LABOR_COLUMNS = List.of(
            new FigureColumn<>("workers_entering", 18,
                    m -> m.workersEntering() == null ? null : m.workersEntering().doubleValue(), s -> s.integer,
                    m -> m.workersEntering() == null ? null : BigDecimal.valueOf(m.workersEntering())),
            new FigureColumn<>("workers_employed", 18,
                    m -> m.workersEmployed() == null ? null : m.workersEmployed().doubleValue(), s -> s.integer, null),
            new FigureColumn<>("wage_usd", 12,
                    m -> m.wageUsdRows() > 0 ? mean(m.wageUsdSum(), m.wageUsdRows()) : null, s -> s.integer, null),
            new FigureColumn<>("wage_ratio_pct", 16,
                    m -> m.wageRatioRows() > 0 ? mean(m.wageRatioSum(), m.wageRatioRows()) / 100 : null,
                    s -> s.percent, null));

    /**
     * Writes a dataset's sheet — the monthly detail by quarter and category, then per quarter a total
     * row per category and one for {@code all}, as {@code SUM} formulas over the detail — and returns
     * where each quarter's {@code all} total is, with the total of the first column.
     */
    private static <M> Map<Quarter, TotalRow> writeDataset(SXSSFSheet sheet, Dataset dataset, Set<String> categories,
                                                           Function<String, NavigableMap<YearMonth, M>> monthsOf,
                                                           List<FigureColumn<M>> columns, WorkbookStyles styles) {
        List<String> headers = new ArrayList<>(List.of("quarter", "month", dataset.categoryHeader()));
        columns.forEach(c -> headers.add(c.header()));
        headerRow(sheet, styles, headers.toArray(String[]::new));
        Map<Quarter, TotalRow> totals = new TreeMap<>();
        int r = 1;
        for (Map.Entry<Quarter, Map<String, NavigableMap<YearMonth, M>>> q : byQuarter(categories, monthsOf).entrySet()) {
            String quarter = q.getKey().toString();
            int firstDetail = r;
            List<Subtotal<M>> subtotals = new ArrayList<>();
            for (Map.Entry<String, NavigableMap<YearMonth, M>> c : q.getValue().entrySet()) {
                int first = r;
                for (Map.Entry<YearMonth, M> m : c.getValue().entrySet()) {
                    SXSSFRow row = sheet.createRow(r++);
                    text(row, 0, quarter, styles.text);
                    month(row, 1, m.getKey(), styles);
                    text(row, 2, c.getKey(), styles.text);
                    for (int k = 0; k < columns.size(); k++) {
                        Double figure = columns.get(k).figure().apply(m.getValue());
                        if (figure != null) {
                            number(row, 3 + k, figure, columns.get(k).style().apply(styles));
                        }
                    }
                }
                subtotals.add(new Subtotal<>(c.getKey(), first, r - 1, List.copyOf(c.getValue().values())));
            }
            int lastDetail = r - 1;
            List<M> allMonths = new ArrayList<>();
            for (Subtotal<M> s : subtotals) {
                r = total(sheet.createRow(r), quarter, s.category, s.first, s.last, s.months, columns, styles) + 1;
                allMonths.addAll(s.months);
            }
            int allRow = r;
            r = total(sheet.createRow(r), quarter, Indicator.ALL, firstDetail, lastDetail, allMonths, columns, styles) + 1;
            Function<M, BigDecimal> headline = columns.get(0).summed();
            totals.put(q.getKey(), new TotalRow(allRow, headline == null ? BigDecimal.ZERO : allMonths.stream()
                    .map(headline).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
        int[] widths = new int[3 + columns.size()];
        widths[0] = 12;
        widths[1] = 12;
        widths[2] = 18;
        for (int k = 0; k < columns.size(); k++) {
            widths[3 + k] = columns.get(k).width();
        }
        finishTable(sheet, r, 2 + columns.size(), widths);
        return totals;
    }

    /** A total row: a {@code SUM} (or {@code n/a} where nothing is summed) under each column that adds up. */
    private static <M> int total(SXSSFRow row, String quarter, String category, int first, int last, List<M> months,
                                 List<FigureColumn<M>> columns, WorkbookStyles styles) {
        text(row, 0, quarter, styles.totalText);
        text(row, 1, TOTAL, styles.totalText);
        text(row, 2, category, styles.totalText);
        for (int k = 0; k < columns.size(); k++) {
            Function<M, BigDecimal> summed = columns.get(k).summed();
            if (summed == null) {
                row.createCell(3 + k).setCellStyle(styles.totalText);
            } else {
                // A total of no figures at all is undefined, not 0: SUM would say 0, so sum() writes n/a instead.
                sum(row, 3 + k, first, last, months.stream().map(summed).toList(), styles);
            }
        }
        return row.getRowNum();
    }

    private static double mean(BigDecimal sum, int rows) {
        return sum.divide(BigDecimal.valueOf(rows), 10, RoundingMode.HALF_UP).doubleValue();
    }

    // ---- Data quality --------------------------------------------------------------------------

    private static void writeDataQuality(SXSSFSheet sheet, List<RowProblem> problems, WorkbookStyles styles) {
        headerRow(sheet, styles, "file", "sheet", "row", "column", "severity", "problem", "value");
        int r = 1;
        for (RowProblem p : problems) {
            SXSSFRow row = sheet.createRow(r++);
            text(row, 0, p.file(), styles.text);
            text(row, 1, p.sheet(), styles.text);
            if (p.row() > 0) {
                number(row, 2, p.row(), styles.text);
            }
            text(row, 3, p.column(), styles.text);
            text(row, 4, p.severity().label(), styles.text);
            text(row, 5, p.problem(), styles.wrappedText);
            text(row, 6, p.value(), styles.wrappedText);
        }
        finishTable(sheet, r, 6, 18, 14, 8, 18, 10, 60, 40);
    }

    // ---- Shared helpers ------------------------------------------------------------------------

    private record Subtotal<M>(String category, int first, int last, List<M> months) {
    }

    /** Groups each category's months by quarter: quarter → category (alphabetical) → months. */
    private static <M> NavigableMap<Quarter, Map<String, NavigableMap<YearMonth, M>>> byQuarter(
            Set<String> categories, Function<String, NavigableMap<YearMonth, M>> monthsOf) {
        NavigableMap<Quarter, Map<String, NavigableMap<YearMonth, M>>> result = new TreeMap<>();
        for (String category : new TreeSet<>(categories)) {
            monthsOf.apply(category).forEach((month, cell) -> result
                    .computeIfAbsent(Quarter.of(month), q -> new TreeMap<>())
                    .computeIfAbsent(category, c -> new TreeMap<>())
                    .put(month, cell));
        }
        return result;
    }

    private static void headerRow(SXSSFSheet sheet, WorkbookStyles styles, String... names) {
        SXSSFRow header = sheet.createRow(0);
        for (int c = 0; c < names.length; c++) {
            text(header, c, names[c], styles.header);
        }
    }

    /** Freezes the header row, puts a filter over the table and sets the column widths (in characters). */
    private static void finishTable(SXSSFSheet sheet, int rowsWritten, int lastColumn, int... widths) {
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rowsWritten - 1), 0, lastColumn));
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }

    /**
     * A {@code SUM} over rows {@code first..last} (0-based) of the column, with the sum cached; where
     * none of the summed figures exists the total is undefined and written {@code n/a}.
     */
    private static void sum(SXSSFRow row, int column, int first, int last, List<BigDecimal> figures,
                            WorkbookStyles styles) {
        BigDecimal total = null;
        for (BigDecimal figure : figures) {
            if (figure != null) {
                total = total == null ? figure : total.add(figure);
            }
        }
        if (total == null) {
            text(row, column, Formats.NOT_AVAILABLE, styles.totalNotAvailable);
            return;
        }
        String col = CellReference.convertNumToColString(column);
        Cell cell = row.createCell(column);
        cell.setCellFormula("SUM(" + col + (first + 1) + ":" + col + (last + 1) + ")");
        cell.setCellValue(total.doubleValue()); // SXSSF keeps the formula and stores this as its cached result
        cell.setCellStyle(styles.totalInteger);
    }

    private static void month(SXSSFRow row, int column, YearMonth month, WorkbookStyles styles) {
        Cell cell = row.createCell(column);
        cell.setCellValue(month.atDay(1));
        cell.setCellStyle(styles.month);
    }

    /** Always a text cell, so input text starting with {@code =} is shown, never evaluated. */
    static void text(SXSSFRow row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(Formats.cellText(value));
        cell.setCellStyle(style);
    }

    static void number(SXSSFRow row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
