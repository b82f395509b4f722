package org.dprktrade.briefing.report.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.report.Formats;
import org.dprktrade.briefing.report.xlsx.WorkbookWriter.TotalRow;

/**
 * The workbook's {@value WorkbookWriter#CHARTS} sheet: a table of each trade dataset's quarterly total
 * over the last quarters, each cell a formula pointing at the {@code all} total row of the dataset's
 * sheet (itself a {@code SUM} over the monthly detail) with its value cached, and a native Excel bar
 * chart over that table, so the chart can be traced to the monthly rows it is drawn from.
 *
 * <p>Written with the XSSF user model on a sheet of the SXSSF workbook's underlying XSSF workbook: SXSSF
 * sheets cannot hold charts. A quarter with no figures is a blank cell (a gap in the chart), not 0.
 */
final class ChartSheet {

    static final int TABLE_HEADER_ROW = 3;
    /**
     * Okabe–Ito blue, orange, bluish green, vermillion, reddish purple, sky blue and yellow, as the PDF's
     * charts: distinguishable in print and by most readers. Further series take hues a golden angle apart.
     */
    private static final List<byte[]> COLOURS = List.of(new byte[] {0x00, 0x72, (byte) 0xB2},
            new byte[] {(byte) 0xE6, (byte) 0x9F, 0x00}, new byte[] {0x00, (byte) 0x9E, 0x73},
            new byte[] {(byte) 0xD5, 0x5E, 0x00}, new byte[] {(byte) 0xCC, 0x79, (byte) 0xA7},
            new byte[] {0x56, (byte) 0xB4, (byte) 0xE9}, new byte[] {(byte) 0xF0, (byte) 0xE4, 0x42});

    /** The fill of the series at this index: a palette colour, then distinct generated hues. */
    static byte[] colour(int index) {
        if (index < COLOURS.size()) {
            return COLOURS.get(index);
        }
        float hue = (float) ((index - COLOURS.size()) * 0.381966 % 1.0);
        int rgb = java.awt.Color.HSBtoRGB(hue, 0.75f, 0.8f);
        return new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb};
    }

    private ChartSheet() {
    }

    /** @param totals per trade dataset, in output order: one series each */
    static void write(XSSFSheet sheet, Quarter period, int quarters, Map<Dataset, Map<Quarter, TotalRow>> totals,
                      WorkbookStyles styles) {
        List<Dataset> series = List.copyOf(totals.keySet());
        text(sheet.createRow(0), 0, "Tonnes per quarter, last " + quarters + " quarters to " + period, styles.title);
        text(sheet.createRow(1), 0, "Each figure is a link to the quarter's total on the dataset's sheet, a SUM over "
                + "its monthly detail; blank where the quarter has no figures.", styles.subtitle);
        XSSFRow header = sheet.createRow(TABLE_HEADER_ROW);
        text(header, 0, "quarter", styles.header);
        for (int s = 0; s < series.size(); s++) {
            text(header, s + 1, series.get(s).id() + " (t)", styles.header);
        }
        List<Quarter> shown = new ArrayList<>();
        for (int i = quarters - 1; i >= 0; i--) {
            shown.add(period.plusQuarters(-i));
        }
        int firstRow = TABLE_HEADER_ROW + 1;
        for (int q = 0; q < shown.size(); q++) {
            XSSFRow row = sheet.createRow(firstRow + q);
            text(row, 0, shown.get(q).toString(), styles.text);
            for (int s = 0; s < series.size(); s++) {
                Dataset dataset = series.get(s);
                TotalRow total = totals.getOrDefault(dataset, Map.of()).get(shown.get(q));
                if (total != null) {
                    XSSFCell cell = row.createCell(s + 1);
                    // Column D of a trade sheet is quantity_t.
                    cell.setCellFormula(new CellReference(dataset.id(), total.row(), 3, false, false).formatAsString());
                    cell.setCellValue(total.tonnes().doubleValue()); // the cached result, for viewers that do not recalculate
                    cell.setCellStyle(styles.integer);
                }
            }
        }
        int lastRow = firstRow + shown.size() - 1;
        // Columns F..P beside a table of up to four series; further right beside a wider one.
        chart(sheet, series, firstRow, lastRow, quarters);

        sheet.setColumnWidth(0, 12 * 256);
        for (int s = 0; s < series.size(); s++) {
            sheet.setColumnWidth(s + 1, 15 * 256);
        }
        sheet.createFreezePane(0, TABLE_HEADER_ROW + 1);
        // Printed (or converted to PDF) on one landscape page: the table and the chart beside it.
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 1);
    }

    private static void chart(XSSFSheet sheet, List<Dataset> datasets, int firstRow, int lastRow, int quarters) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        // Rows 4..26, about 16 x 11 cm, one blank column right of the table (F..P for three or four series).
        int left = Math.max(5, datasets.size() + 2);
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, left, TABLE_HEADER_ROW, left + 11,
                TABLE_HEADER_ROW + 23);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("Tonnes per quarter, last " + quarters + " quarters");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);

        XDDFCategoryAxis quarterAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis tonnesAxis = chart.createValueAxis(AxisPosition.LEFT);
        tonnesAxis.setTitle("tonnes");
        tonnesAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        tonnesAxis.setNumberFormat("#,##0");

        XDDFDataSource<String> quarterLabels = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(firstRow, lastRow, 0, 0));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, quarterAxis, tonnesAxis);
        data.setBarDirection(BarDirection.COL);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.setVaryColors(false);
        for (int s = 0; s < datasets.size(); s++) {
            XDDFNumericalDataSource<Double> tonnes = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(firstRow, lastRow, s + 1, s + 1));
            XDDFBarChartData.Series series = (XDDFBarChartData.Series) data.addSeries(quarterLabels, tonnes);
            series.setTitle(datasets.get(s).id(), new CellReference(sheet.getSheetName(), TABLE_HEADER_ROW, s + 1, true, true));
            // Without an explicit fill LibreOffice draws the bars invisible (Excel picks theme colours).
            series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colour(s))));
        }
        chart.plot(data);
    }

    private static void text(XSSFRow row, int column, String value, org.apache.poi.ss.usermodel.CellStyle style) {
        XSSFCell cell = row.createCell(column);
        cell.setCellValue(Formats.cellText(value));
        cell.setCellStyle(style);
    }
}
