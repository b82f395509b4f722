package org.dprktrade.briefing.report.xlsx;

import java.util.EnumMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.dprktrade.briefing.indicators.IndicatorName;
import org.dprktrade.briefing.report.Formats;

/**
 * Every cell style of the workbook, created once: a workbook holds at most 64,000 styles and each
 * {@code createCellStyle()} adds one, so styles must never be made per cell.
 */
final class WorkbookStyles {

    final CellStyle title;
    final CellStyle subtitle;
    final CellStyle subtitleBold;
    final CellStyle leftInteger;
    final CellStyle provisional;
    final CellStyle header;
    final CellStyle text;
    final CellStyle wrappedText;
    final CellStyle notAvailable;
    final CellStyle month;
    final CellStyle integer;
    final CellStyle usdPerTonne;
    final CellStyle percent;
    final CellStyle totalText;
    final CellStyle totalInteger;
    final CellStyle totalNotAvailable;
    private final Map<IndicatorName, CellStyle> byIndicator = new EnumMap<>(IndicatorName.class);

    WorkbookStyles(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        Font red = workbook.createFont();
        red.setBold(true);
        red.setColor(IndexedColors.DARK_RED.getIndex());

        title = workbook.createCellStyle();
        title.setFont(titleFont);
        subtitle = workbook.createCellStyle();
        subtitleBold = workbook.createCellStyle();
        Font subtitleFont = workbook.createFont();
        subtitleFont.setBold(true);
        subtitleFont.setFontHeightInPoints((short) 12);
        subtitleBold.setFont(subtitleFont);
        provisional = workbook.createCellStyle();
        provisional.setFont(red);

        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        header.setWrapText(true);

        text = workbook.createCellStyle();
        text.setVerticalAlignment(VerticalAlignment.TOP);
        wrappedText = workbook.createCellStyle();
        wrappedText.setVerticalAlignment(VerticalAlignment.TOP);
        wrappedText.setWrapText(true);
        notAvailable = workbook.createCellStyle();
        notAvailable.setAlignment(HorizontalAlignment.RIGHT);

        short dataFormat = workbook.createDataFormat().getFormat("mmm yyyy");
        month = workbook.createCellStyle();
        month.setDataFormat(dataFormat);
        month.setAlignment(HorizontalAlignment.LEFT);

        integer = number(workbook, "#,##0", null);
        usdPerTonne = number(workbook, "#,##0.00", null);
        leftInteger = number(workbook, "0", null);
        leftInteger.setAlignment(HorizontalAlignment.LEFT);
        percent = number(workbook, "0.0%", null);

        totalText = workbook.createCellStyle();
        totalText.setFont(bold);
        totalText.setBorderTop(BorderStyle.THIN);
        totalInteger = number(workbook, "#,##0", bold);
        totalInteger.setBorderTop(BorderStyle.THIN);
        totalNotAvailable = workbook.createCellStyle();
        totalNotAvailable.setFont(bold);
        totalNotAvailable.setBorderTop(BorderStyle.THIN);
        totalNotAvailable.setAlignment(HorizontalAlignment.RIGHT);

        for (IndicatorName name : IndicatorName.values()) {
            byIndicator.put(name, switch (Formats.excelFormat(name)) {
                case "0.0%" -> percent;
                case "#,##0.00" -> usdPerTonne;
                default -> integer;
            });
        }
    }

    CellStyle of(IndicatorName name) {
        return byIndicator.get(name);
    }

    private static CellStyle number(Workbook workbook, String format, Font font) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        if (font != null) {
            style.setFont(font);
        }
        return style;
    }
}
