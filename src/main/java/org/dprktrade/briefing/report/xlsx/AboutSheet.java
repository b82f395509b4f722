package org.dprktrade.briefing.report.xlsx;

import static org.dprktrade.briefing.report.xlsx.WorkbookWriter.number;
import static org.dprktrade.briefing.report.xlsx.WorkbookWriter.text;

import java.util.List;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.dprktrade.briefing.indicators.IndicatorName;
import org.dprktrade.briefing.report.Briefing;
import org.dprktrade.briefing.report.Formats;
import org.dprktrade.briefing.ingest.InputSummary;
import org.dprktrade.briefing.report.ReportTitles;

/**
 * The workbook's {@value WorkbookWriter#ABOUT} sheet: what this workbook is (period, run, generation
 * time, provisional or final), which files it was computed from (with their SHA-256, so a reader can
 * check that an input is the one used) and what every indicator means, one line each.
 */
final class AboutSheet {

    private AboutSheet() {
    }

    static void write(SXSSFSheet sheet, Briefing briefing, WorkbookStyles styles) {
        int r = 0;
        text(sheet.createRow(r++), 0, ReportTitles.title(briefing.period()), styles.title);
        r++;
        r = pair(sheet, r, "period", briefing.period().toString(), styles);
        SXSSFRow run = sheet.createRow(r++);
        text(run, 0, "run id", styles.totalText);
        number(run, 1, briefing.runId(), styles.leftInteger);
        r = pair(sheet, r, "generated", Formats.dateTime(briefing.generatedAt()), styles);
        r = pair(sheet, r, "status", briefing.provisional() ? ReportTitles.provisional(briefing.indicators()) : "final",
                styles);
        r++;

        text(sheet.createRow(r++), 0, "Inputs", styles.subtitleBold);
        SXSSFRow header = sheet.createRow(r++);
        List<String> columns = List.of("dataset", "file", "sheet", "SHA-256", "rows read", "accepted", "rejected",
                "warnings");
        for (int c = 0; c < columns.size(); c++) {
            text(header, c, columns.get(c), styles.header);
        }
        for (InputSummary input : briefing.inputs()) {
            SXSSFRow row = sheet.createRow(r++);
            text(row, 0, input.dataset().id(), styles.text);
            text(row, 1, input.file(), styles.text);
            text(row, 2, input.sheet(), styles.text);
            text(row, 3, input.sha256(), styles.text);
            number(row, 4, input.rowsRead(), styles.integer);
            number(row, 5, input.rowsAccepted(), styles.integer);
            number(row, 6, input.rowsRejected(), styles.integer);
            number(row, 7, input.warnings(), styles.integer);
        }
        if (briefing.inputs().isEmpty()) {
            text(sheet.createRow(r++), 0, "No input file was read.", styles.text);
        }
        r++;

        text(sheet.createRow(r++), 0, "Indicators", styles.subtitleBold);
        SXSSFRow definitions = sheet.createRow(r++);
        text(definitions, 0, "indicator", styles.header);
        text(definitions, 1, "label", styles.header);
        text(definitions, 2, "unit", styles.header);
        text(definitions, 3, "definition", styles.header);
        for (IndicatorName name : IndicatorName.values()) {
            SXSSFRow row = sheet.createRow(r++);
            text(row, 0, name.id(), styles.text);
            text(row, 1, ReportTitles.label(name), styles.text);
            text(row, 2, name.unit(), styles.text);
            // One line each, not wrapped: streamed rows carry no height, so wrapped text would overlap the next row.
            text(row, 3, ReportTitles.definition(name), styles.text);
        }
        r++;
        for (String note : List.of(
                "A percentage whose base is zero or missing is undefined and shown n/a, never 0.",
                "A quarter with fewer than 3 months reported in any dataset, or one not yet ended, is provisional.",
                "Category all is the dataset total; totals on the dataset sheets are SUM formulas over the monthly detail.")) {
            text(sheet.createRow(r++), 0, note, styles.text);
        }

        int[] widths = {24, 34, 12, 112, 10, 10, 10, 10};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        // Printed (or converted to PDF): landscape, one page wide.
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    private static int pair(SXSSFSheet sheet, int r, String key, String value, WorkbookStyles styles) {
        SXSSFRow row = sheet.createRow(r);
        text(row, 0, key, styles.totalText);
        text(row, 1, value, styles.text);
        return r + 1;
    }
}
