package org.dprktrade.briefing.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
    void hasSummaryDatasetAndDataQualitySheetsInOrder() {
        assertThat(workbook.getNumberOfSheets()).isEqualTo(6);
        assertThat(workbook.getSheetName(0)).isEqualTo("Summary");
        assertThat(workbook.getSheetName(1)).isEqualTo("grain");
        assertThat(workbook.getSheetName(2)).isEqualTo("fertilizer");
        assertThat(workbook.getSheetName(3)).isEqualTo("labor");
        assertThat(workbook.getSheetName(4)).isEqualTo("oil");
        assertThat(workbook.getSheetName(5)).isEqualTo("Data quality");
    }

    @Test
    void everySheetHasAFrozenHeaderAndAFilter() {
        for (int s = 1; s < workbook.getNumberOfSheets(); s++) {
            XSSFSheet sheet = workbook.getSheetAt(s);
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

        @Test
        void hasOneColumnPerIndicatorPresentBelowAFrozenFilteredHeader() {
            Row header = sheet.getRow(3);
            assertThat(text(header.getCell(0))).isEqualTo("dataset");
            assertThat(text(header.getCell(1))).isEqualTo("category");
            assertThat(text(header.getCell(2))).isEqualTo("quantity_t (t)");
            assertThat(text(header.getCell(13))).isEqualTo("wage_usd (USD)");
            assertThat(header.getCell(14)).isNull();

            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 4);
            assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 2);
            // Rows 5..13: grain all, flour, rice, 평양; labor all, dandong; oil all, crude_oil (8 rows).
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A4:N12");
        }

        @Test
        void storesNumbersWithFormatsAndPercentagesAsFractions() {
            Row all = sheet.getRow(4);
            assertThat(text(all.getCell(0))).isEqualTo("grain");
            assertThat(text(all.getCell(1))).isEqualTo("all");
            assertThat(all.getCell(2).getNumericCellValue()).isEqualTo(54893.0);
            assertThat(all.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(all.getCell(5).getNumericCellValue()).isEqualTo(-0.125); // yoy -12.5 %
            assertThat(all.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(new DataFormatter(java.util.Locale.ENGLISH).formatCellValue(all.getCell(5))).isEqualTo("-12.5%");

            Row flour = sheet.getRow(5);
            assertThat(text(flour.getCell(1))).isEqualTo("flour");
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
