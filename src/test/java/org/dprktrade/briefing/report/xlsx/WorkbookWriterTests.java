package org.dprktrade.briefing.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormatting;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheetConditionalFormatting;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dprktrade.briefing.indicators.IndicatorName;
import org.dprktrade.briefing.report.SampleBriefing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WorkbookWriterTests {

    private XSSFWorkbook workbook;

    @BeforeEach
    void writeAndReadBack() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WorkbookWriter().write(SampleBriefing.briefing(), out);
        workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @AfterEach
    void close() throws IOException {
        workbook.close();
    }

    @Test
    void hasSummaryChartsDatasetDataQualityAndAboutSheetsInOrder() {
        assertThat(workbook.getNumberOfSheets()).isEqualTo(8);
        List<String> names = IntStream.range(0, 8).mapToObj(workbook::getSheetName).toList();
        assertThat(names).containsExactly("Summary", "Charts", "grain", "fertilizer", "labor", "oil", "Data quality",
                "About");
        assertThat(workbook.getActiveSheetIndex()).isZero();
    }

    @Test
    void everyDetailSheetPrintsLandscapeOnePageWideWithItsHeaderRowTitleAndPageNumbers() {
        for (String name : List.of("grain", "fertilizer", "labor", "oil", "Data quality")) {
            XSSFSheet sheet = workbook.getSheet(name);
            assertThat(sheet.getPrintSetup().getLandscape()).as(name).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).as(name).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).as(name).isEqualTo((short) 0);
            CellRangeAddress repeated = sheet.getRepeatingRows();
            assertThat((Object) repeated).as(name).isNotNull();
            assertThat(List.of(repeated.getFirstRow(), repeated.getLastRow())).as(name).containsExactly(0, 0);
            assertThat(sheet.getHeader().getCenter()).as(name).isEqualTo("DPRK–China trade: quarterly briefing, 2014-Q3");
            assertThat(sheet.getHeader().getRight()).as(name).isEqualTo(name);
            assertThat(sheet.getFooter().getCenter()).as(name).isEqualTo("Page &P of &N");
        }
    }

    @Test
    void everyTableSheetHasAFrozenHeaderAndAFilter() {
        for (String name : List.of("grain", "fertilizer", "labor", "oil", "Data quality")) {
            XSSFSheet sheet = workbook.getSheet(name);
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane).as(sheet.getSheetName()).isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).as(sheet.getSheetName()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).as(sheet.getSheetName()).startsWith("A1:");
        }
    }

    @Nested
    class Summary {

        private XSSFSheet sheet;

        @BeforeEach
        void sheet() {
            sheet = workbook.getSheet("Summary");
        }

        @Test
        void startsWithTitleAndProvisionalMark() {
            assertThat(text(sheet.getRow(0).getCell(0))).isEqualTo("DPRK–China trade: quarterly briefing, 2014-Q3");
            assertThat(text(sheet.getRow(1).getCell(0))).isEqualTo("Generated 2014-10-10 06:00 +09:00, run 42");
            assertThat(text(sheet.getRow(2).getCell(0)))
                    .isEqualTo("PROVISIONAL: fertilizer: 2 of 3 months reported");
        }

        /**
         * Grain (rows 4–7: all, flour, rice, 평양), labor (10–11) and oil (14–15), each under a header of the
         * indicators it has, a blank row and a page break between blocks.
         */
        @Test
        void hasOneBlockPerDatasetEachUnderAHeaderOfItsOwnIndicators() {
            Row grain = sheet.getRow(3);
            assertThat(text(grain.getCell(0))).isEqualTo("dataset");
            assertThat(text(grain.getCell(1))).isEqualTo("category");
            assertThat(text(grain.getCell(2))).isEqualTo("Quantity (t)");
            assertThat(text(grain.getCell(4))).isEqualTo("Change on quarter (%)");
            assertThat(text(grain.getCell(10))).isEqualTo("Last four quarters (t)");
            assertThat(grain.getCell(11)).isNull();
            assertThat((Object) sheet.getRow(8)).isNull();
            Row labor = sheet.getRow(9);
            assertThat(text(labor.getCell(2))).isEqualTo("Workers entering");
            assertThat(text(labor.getCell(3))).isEqualTo("Mean wage (USD a month)");
            assertThat(text(sheet.getRow(10).getCell(0))).isEqualTo("labor");
            assertThat(text(sheet.getRow(13).getCell(3))).isEqualTo("Zero streak (months)");
            assertThat(text(sheet.getRow(15).getCell(1))).isEqualTo("Crude oil"); // display name, never the slug
            assertThat(sheet.getRowBreaks()).containsExactly(8, 12);

            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 2);
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 0);
        }

        @Test
        void colorsEveryChangeColumnGreenUpAndRedDownSkippingText() {
            // Grain's block has the changes: E qoq_pct, F yoy_pct, data rows 5..8.
            XSSFSheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
            assertThat(formatting.getNumConditionalFormattings()).isEqualTo(2);
            List<String> ranges = new ArrayList<>();
            for (int i = 0; i < formatting.getNumConditionalFormattings(); i++) {
                XSSFConditionalFormatting f = formatting.getConditionalFormattingAt(i);
                ranges.add(f.getFormattingRanges()[0].formatAsString());
                assertThat(f.getNumberOfRules()).isEqualTo(2);
                String column = f.getFormattingRanges()[0].formatAsString().substring(0, 1);
                assertThat(f.getRule(0).getFormula1()).isEqualTo("AND(ISNUMBER(" + column + "5)," + column + "5>0)");
                assertThat(f.getRule(0).getFontFormatting().getFontColorIndex()).isEqualTo(IndexedColors.GREEN.getIndex());
                assertThat(f.getRule(1).getFormula1()).isEqualTo("AND(ISNUMBER(" + column + "5)," + column + "5<0)");
                assertThat(f.getRule(1).getFontFormatting().getFontColorIndex()).isEqualTo(IndexedColors.RED.getIndex());
            }
            assertThat(ranges).containsExactly("E5:E8", "F5:F8");
        }

        /**
         * One landscape A4 page wide at 70 % or more: the widest block (14 figure columns of 11 characters, plus
         * 11 and 18) is 183 characters, about 183 × 7 px at 96 dpi = 961 pt; the page leaves 842 − 0.8 in = 784 pt
         * between the margins: 82 %.
         */
        @Test
        void printsOnePageWideAtALegibleScaleWithTitleAndPageNumbers() {
            assertThat(sheet.getColumnWidth(0)).isEqualTo(11 * 256);
            assertThat(sheet.getColumnWidth(1)).isEqualTo(18 * 256);
            assertThat(sheet.getColumnWidth(2)).isEqualTo(11 * 256);
            assertThat(sheet.getRow(3).getCell(2).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            double widestCharacters = 11 + 18 + 14 * WorkbookWriter.SUMMARY_FIGURE_WIDTH;
            double printablePoints = 842 - 72 * (sheet.getMargin(org.apache.poi.ss.usermodel.Sheet.LeftMargin)
                    + sheet.getMargin(org.apache.poi.ss.usermodel.Sheet.RightMargin));
            assertThat(printablePoints / (widestCharacters * 7 * 72 / 96)).isGreaterThanOrEqualTo(0.7);
            assertThat(sheet.getHeader().getCenter()).isEqualTo("DPRK–China trade: quarterly briefing, 2014-Q3");
            assertThat(sheet.getFooter().getCenter()).isEqualTo("Page &P of &N");
        }

        @Test
        void storesNumbersWithFormatsAndPercentagesAsFractions() {
            Row all = sheet.getRow(4);
            assertThat(text(all.getCell(0))).isEqualTo("grain");
            assertThat(text(all.getCell(1))).isEqualTo("total");
            assertThat(all.getCell(2).getNumericCellValue()).isEqualTo(54893.0);
            assertThat(all.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(all.getCell(5).getNumericCellValue()).isEqualTo(-0.125); // yoy -12.5 %
            assertThat(all.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(new DataFormatter(java.util.Locale.ENGLISH).formatCellValue(all.getCell(5))).isEqualTo("-12.5%");

            Row flour = sheet.getRow(5);
            assertThat(text(flour.getCell(1))).isEqualTo("Wheat flour");
            assertThat(flour.getCell(6).getNumericCellValue()).isEqualTo(0.466); // share 46.6 %
            assertThat(flour.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }

        @Test
        void showsUndefinedAsNotAvailableTextAndAbsentAsBlank() {
            Row rice = sheet.getRow(6);
            assertThat(text(rice.getCell(7))).isEqualTo("n/a"); // unit value undefined
            assertThat(rice.getCell(4)).isNull(); // qoq not computed for rice in the sample: absent
            Row korean = sheet.getRow(7);
            assertThat(text(korean.getCell(1))).isEqualTo(SampleBriefing.KOREAN);
            assertThat(text(korean.getCell(4))).isEqualTo("n/a");
        }
    }

    @Nested
    class TradeSheet {

        private XSSFSheet sheet;

        @BeforeEach
        void sheet() {
            sheet = workbook.getSheet("grain");
        }

        @Test
        void listsMonthlyDetailWithRealDates() {
            assertThat(text(sheet.getRow(0).getCell(2))).isEqualTo("commodity");
            // 2013-Q3: 1 detail + flour total + all total; 2014-Q2: 2 + 2 + 1; 2014-Q3 starts at index 9.
            Row julyCorn = sheet.getRow(9);
            assertThat(text(julyCorn.getCell(0))).isEqualTo("2014-Q3");
            assertThat(DateUtil.isCellDateFormatted(julyCorn.getCell(1))).isTrue();
            assertThat(julyCorn.getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2014, 7, 1, 0, 0));
            assertThat(julyCorn.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("mmm yyyy");
            assertThat(text(julyCorn.getCell(2))).isEqualTo("corn");
            assertThat(julyCorn.getCell(3).getNumericCellValue()).isEqualTo(2000.0);
            assertThat(julyCorn.getCell(4)).isNull(); // no value reported
        }

        @Test
        void writesQuarterTotalsAsSumFormulasWithCachedValues() {
            // 2014-Q3 detail occupies rows 10..18: corn 10-11, flour 12-14, rice 15-17, 평양 18; then the
            // totals of corn, flour, rice, 평양 and all in rows 19..23 (0-based 18..22).
            Row flour = sheet.getRow(19);
            assertThat(text(flour.getCell(1))).isEqualTo("total");
            assertThat(text(flour.getCell(2))).isEqualTo("flour");
            assertThat(formula(flour.getCell(3))).isEqualTo("SUM(D12:D14)");
            assertThat(flour.getCell(3).getNumericCellValue()).isEqualTo(26000.0); // 9,000 + 12,000 + 5,000
            assertThat(formula(flour.getCell(4))).isEqualTo("SUM(E12:E14)");
            assertThat(flour.getCell(4).getNumericCellValue()).isEqualTo(10_500_000.0); // 4.5 M + 6 M

            Row all = sheet.getRow(22);
            assertThat(text(all.getCell(0))).isEqualTo("2014-Q3");
            assertThat(text(all.getCell(2))).isEqualTo("all");
            assertThat(formula(all.getCell(3))).isEqualTo("SUM(D10:D18)");
            assertThat(all.getCell(3).getNumericCellValue()).isEqualTo(54893.0); // 19,559 + 25,217 + 10,117
            assertThat(all.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        }

        @Test
        void writesNotAvailableWhereNoRowHasAValue() {
            Row rice = sheet.getRow(20);
            assertThat(text(rice.getCell(2))).isEqualTo("rice");
            assertThat(formula(rice.getCell(3))).isEqualTo("SUM(D15:D17)");
            assertThat(text(rice.getCell(4))).isEqualTo("n/a");
        }

        @Test
        void laborSheetSumsWorkersEnteringOnly() {
            XSSFSheet labor = workbook.getSheet("labor");
            Row all = labor.getRow(4); // 2 detail rows, dandong total, all total
            assertThat(text(all.getCell(2))).isEqualTo("all");
            assertThat(formula(all.getCell(3))).isEqualTo("SUM(D2:D3)");
            assertThat(all.getCell(3).getNumericCellValue()).isEqualTo(11000.0); // 3,000 + 8,000
            assertThat(labor.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(245.5);
            assertThat(labor.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(0.5625); // 270,000 / 480,000
        }
    }

    @Nested
    class Charts {

        private XSSFSheet sheet;

        @BeforeEach
        void sheet() {
            sheet = workbook.getSheet("Charts");
        }

        @Test
        void linksEachQuartersTotalToTheDatasetSheetWithItsValueCached() {
            assertThat(text(sheet.getRow(3).getCell(0))).isEqualTo("quarter");
            assertThat(text(sheet.getRow(3).getCell(1))).isEqualTo("grain (t)");
            // Eight quarters 2012-Q4..2014-Q3 in rows 5..12; 2014-Q3 last. Grain's 2014-Q3 all total is
            // row 23 of the grain sheet (see TradeSheet), 54,893 t; fertilizer has no figures: blank.
            Row q3 = sheet.getRow(11);
            assertThat(text(q3.getCell(0))).isEqualTo("2014-Q3");
            assertThat(formula(q3.getCell(1))).isEqualTo("grain!D23");
            assertThat(q3.getCell(1).getNumericCellValue()).isEqualTo(54893.0);
            assertThat(q3.getCell(2)).isNull();
            assertThat(formula(q3.getCell(3))).isEqualTo("oil!D" + (totalRowOf("oil", "2014-Q3") + 1));
            assertThat(q3.getCell(3).getNumericCellValue()).isEqualTo(1500.5); // 0 + 0 + 0 crude, 1,500.5 kerosene
            Row q4of2013 = sheet.getRow(8);
            assertThat(text(q4of2013.getCell(0))).isEqualTo("2013-Q4");
            assertThat(q4of2013.getCell(1)).isNull(); // a gap, not 0: grain has no 2013-Q4 rows
        }

        @Test
        void holdsANativeBarChartWithOneSeriesPerTradeDataset() {
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            XSSFChart chart = charts.get(0);
            assertThat(chart.getTitleText().getString()).isEqualTo("Tonnes per quarter, last 8 quarters");
            assertThat(chart.getChartSeries()).hasSize(1);
            XDDFChartData data = chart.getChartSeries().get(0);
            assertThat(data).isInstanceOf(XDDFBarChartData.class);
            assertThat(data.getSeriesCount()).isEqualTo(3);
            assertThat(data.getSeries(0).getValuesData().getDataRangeReference()).isEqualTo("Charts!$B$5:$B$12");
            assertThat(data.getSeries(2).getValuesData().getDataRangeReference()).isEqualTo("Charts!$D$5:$D$12");
            assertThat(data.getSeries(0).getCategoryData().getDataRangeReference()).isEqualTo("Charts!$A$5:$A$12");
        }

        @Test
        void spansTheConfiguredNumberOfQuarters() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new WorkbookWriter(4).write(SampleBriefing.briefing(), out);
            try (XSSFWorkbook four = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                XSSFSheet charts = four.getSheet("Charts");
                assertThat(text(charts.getRow(4).getCell(0))).isEqualTo("2013-Q4");
                assertThat(text(charts.getRow(7).getCell(0))).isEqualTo("2014-Q3");
                assertThat((Object) charts.getRow(8)).isNull();
            }
        }

        private int totalRowOf(String dataset, String quarter) {
            XSSFSheet data = workbook.getSheet(dataset);
            for (Row row : data) {
                if (row.getRowNum() > 0 && quarter.equals(row.getCell(0).getStringCellValue())
                        && row.getCell(1).getCellType() == CellType.STRING
                        && "total".equals(row.getCell(1).getStringCellValue())
                        && "all".equals(row.getCell(2).getStringCellValue())) {
                    return row.getRowNum();
                }
            }
            throw new AssertionError("no total row of " + quarter + " in " + dataset);
        }
    }

    @Nested
    class About {

        private XSSFSheet sheet;

        @BeforeEach
        void sheet() {
            sheet = workbook.getSheet("About");
        }

        @Test
        void namesThePeriodRunGenerationTimeAndStatus() {
            assertThat(text(sheet.getRow(0).getCell(0))).isEqualTo("DPRK–China trade: quarterly briefing, 2014-Q3");
            assertThat(pairs()).containsEntry("period", "2014-Q3")
                    .containsEntry("run id", "42")
                    .containsEntry("generated", "2014-10-10 06:00 +09:00")
                    .containsEntry("status", "PROVISIONAL: fertilizer: 2 of 3 months reported");
        }

        @Test
        void listsTheInputsWithTheirChecksumsAndCounts() {
            Row grain = rowStartingWith("grain", 0);
            assertThat(text(grain.getCell(1))).isEqualTo("grain.xlsx");
            assertThat(text(grain.getCell(3))).isEqualTo("ab12");
            assertThat(grain.getCell(4).getNumericCellValue()).isEqualTo(14.0);
            assertThat(grain.getCell(6).getNumericCellValue()).isEqualTo(1.0);
            assertThat(text(rowStartingWith("oil", 0).getCell(3))).isEqualTo("cd34");
        }

        @Test
        void definesEveryIndicatorInOneLine() {
            for (IndicatorName name : IndicatorName.values()) {
                Row row = rowStartingWith(name.id(), 0);
                assertThat(text(row.getCell(2))).isEqualTo(name.unit());
                assertThat(text(row.getCell(3))).as(name.id()).isNotBlank().doesNotContain("\n");
            }
            assertThat(text(rowStartingWith("qoq_pct", 0).getCell(3)))
                    .isEqualTo("(this quarter - previous quarter) / previous quarter x 100.");
        }

        private Map<String, String> pairs() {
            Map<String, String> pairs = new java.util.LinkedHashMap<>();
            for (int r = 2; r <= 5; r++) {
                Row row = sheet.getRow(r);
                pairs.put(row.getCell(0).getStringCellValue(), new DataFormatter(java.util.Locale.ENGLISH)
                        .formatCellValue(row.getCell(1)));
            }
            return pairs;
        }

        private Row rowStartingWith(String first, int column) {
            for (Row row : sheet) {
                Cell cell = row.getCell(column);
                if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(first)) {
                    return row;
                }
            }
            throw new AssertionError("no row starting with " + first);
        }
    }

    @Nested
    class DataQuality {

        @Test
        void writesEveryProblemAsTextNeverAsFormula() {
            XSSFSheet sheet = workbook.getSheet("Data quality");
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            Row injection = sheet.getRow(3);
            assertThat(injection.getCell(2).getNumericCellValue()).isEqualTo(7.0);
            assertThat(injection.getCell(6).getCellType()).isEqualTo(CellType.STRING);
            assertThat(injection.getCell(6).getStringCellValue()).isEqualTo(SampleBriefing.INJECTION);
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("-5");
            assertThat(sheet.getRow(5).getCell(2)).isNull(); // whole-file problem: no row number
        }
    }

    private static String text(Cell cell) {
        assertThat(cell).isNotNull();
        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }

    private static String formula(Cell cell) {
        assertThat(cell.getCellType()).isEqualTo(CellType.FORMULA);
        return cell.getCellFormula();
    }
}
