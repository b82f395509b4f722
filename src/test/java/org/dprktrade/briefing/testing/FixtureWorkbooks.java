package org.dprktrade.briefing.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Four small, valid input workbooks covering a run of months, for tests that need a whole run (the
 * schedule, delivery, crashes) rather than particular figures. Every month: grain rice 100 t and
 * flour 50 t; fertilizer urea 200 t; oil diesel 10 t; labor Dandong 30 workers entering.
 */
public final class FixtureWorkbooks {

    private FixtureWorkbooks() {
    }

    public static void write(Path dir, YearMonth from, YearMonth to) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("grain.xlsx"), "grain", List.of("month", "commodity", "quantity_t", "value_usd"), from, to,
                m -> List.of(List.of(m, "Rice", 100, 50_000), List.of(m, "Flour", 50, 20_000)));
        write(dir.resolve("fertilizer.xlsx"), "fertilizer", List.of("month", "product", "quantity_t"), from, to,
                m -> List.of(List.of(m, "Urea", 200)));
        write(dir.resolve("oil.xlsx"), "oil", List.of("month", "product", "quantity", "unit"), from, to,
                m -> List.of(List.of(m, "Diesel", 10, "t")));
        write(dir.resolve("labor.xlsx"), "labor", List.of("month", "location", "workers_entering"), from, to,
                m -> List.of(List.of(m, "Dandong", 30)));
    }

    private interface Rows {
        List<List<Object>> of(String month);
    }

    private static void write(Path file, String sheetName, List<String> header, YearMonth from, YearMonth to,
                              Rows rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = workbook.createSheet(sheetName);
            XSSFRow head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            int r = 1;
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                for (List<Object> values : rows.of(m.toString())) {
                    XSSFRow row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else {
                            row.createCell(c).setCellValue(v.toString());
                        }
                    }
                }
            }
            workbook.write(out);
        }
    }
}
