package org.dprktrade.briefing.sample;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The data rows of one sample workbook, read with POI's user model and addressed by the header texts
 * the sample uses. A deliberately small reader for the sample tests, independent of the product's
 * ingest code: it knows only the sample's own layout (header texts as written, total rows, blank
 * rows, months as date cells or {@code YYYY-MM} text, numbers as numeric cells or text with commas).
 */
final class SampleSheet {

    private static final Set<String> TOTAL_LABELS = Set.of("total", "sum", "subtotal");

    /** A data row: its 1-based row number, its month and its cells by header text. */
    record Line(int rowNumber, YearMonth month, Map<String, Cell> cells) {

        String text(String header) {
            Cell cell = cells.get(header);
            return cell == null ? null : cell.getStringCellValue();
        }

        /** The number in the cell, or {@code null} for a missing cell; text numbers lose their commas. */
        BigDecimal number(String header) {
            Cell cell = cells.get(header);
            if (cell == null) {
                return null;
            }
            return switch (cell.getCellType()) {
                case NUMERIC -> new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros();
                case STRING -> new BigDecimal(cell.getStringCellValue().replace(",", ""));
                default -> throw new IllegalStateException("row " + rowNumber + " " + header + ": " + cell);
            };
        }

        Cell cell(String header) {
            return cells.get(header);
        }
    }

    final int headerRowNumber;
    final List<String> headers;
    final List<Line> lines;
    /** 1-based numbers of the rows whose month cell reads Total, Sum or Subtotal. */
    final List<Integer> totalRows;
    final String sheetName;

    private SampleSheet(String sheetName, int headerRowNumber, List<String> headers, List<Line> lines,
            List<Integer> totalRows) {
        this.sheetName = sheetName;
        this.headerRowNumber = headerRowNumber;
        this.headers = headers;
        this.lines = lines;
        this.totalRows = totalRows;
    }

    /** Reads the sheet named {@code dataset}; the month is in the column headed {@code monthHeader}. */
    static SampleSheet read(Path file, String dataset, String monthHeader) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
            Sheet sheet = workbook.getSheet(dataset);
            if (sheet == null) {
                throw new IllegalStateException(file + " has no sheet " + dataset);
            }
            int headerIndex = -1;
            List<String> headers = new ArrayList<>();
            for (Row row : sheet) {
                List<String> texts = new ArrayList<>();
                row.forEach(c -> texts.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : ""));
                if (texts.contains(monthHeader)) {
                    headerIndex = row.getRowNum();
                    headers = texts;
                    break;
                }
            }
            if (headerIndex < 0) {
                throw new IllegalStateException(file + ": no header row with " + monthHeader);
            }
            List<Line> lines = new ArrayList<>();
            List<Integer> totals = new ArrayList<>();
            int monthColumn = headers.indexOf(monthHeader);
            for (int r = headerIndex + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Cell monthCell = row.getCell(monthColumn);
                if (monthCell.getCellType() == CellType.STRING
                        && TOTAL_LABELS.contains(monthCell.getStringCellValue().toLowerCase(Locale.ROOT))) {
                    totals.add(r + 1);
                    continue;
                }
                Map<String, Cell> cells = new HashMap<>();
                for (int c = 0; c < headers.size(); c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null) {
                        cells.put(headers.get(c), cell);
                    }
                }
                lines.add(new Line(r + 1, month(monthCell), Map.copyOf(cells)));
            }
            return new SampleSheet(sheet.getSheetName(), headerIndex + 1, List.copyOf(headers), List.copyOf(lines),
                    List.copyOf(totals));
        } catch (InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    private static YearMonth month(Cell cell) {
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return YearMonth.from(cell.getLocalDateTimeCellValue());
        }
        return YearMonth.parse(cell.getStringCellValue());
    }

    /** Sum of a column over the lines that pass the filter; missing cells count as nothing. */
    BigDecimal sum(String header, Predicate<Line> filter) {
        return lines.stream().filter(filter).map(l -> l.number(header)).filter(n -> n != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static Predicate<Line> months(int year, int fromMonth, int toMonth) {
        return l -> l.month().getYear() == year && l.month().getMonthValue() >= fromMonth
                && l.month().getMonthValue() <= toMonth;
    }
}
