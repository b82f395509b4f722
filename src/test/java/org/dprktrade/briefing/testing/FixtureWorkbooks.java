package org.dprktrade.briefing.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
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

    /** The sample fertilizer, labor and oil workbooks of {@code input/} beside a large grain workbook. */
    public static void writeSampleWithLargeGrain(Path dir, int grainRows) throws IOException {
        Files.createDirectories(dir);
        for (String name : List.of("fertilizer.xlsx", "labor.xlsx", "oil.xlsx")) {
            Files.copy(Path.of("input", name), dir.resolve(name));
        }
        writeLargeGrain(dir.resolve("grain.xlsx"), grainRows);
    }

    /**
     * A grain workbook of {@code rows} rows of rice, 1 t each, spread over 2012–2014, each with its own
     * source text: slow enough to read (about a second per 300,000 rows) that a signal lands mid-step.
     */
    public static void writeLargeGrain(Path file, int rows) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try (OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("grain");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("month");
            header.createCell(1).setCellValue("commodity");
            header.createCell(2).setCellValue("quantity_t");
            header.createCell(3).setCellValue("source");
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(String.format("%d-%02d", 2012 + r % 3, 1 + r % 12));
                row.createCell(1).setCellValue("Rice");
                row.createCell(2).setCellValue(1);
                row.createCell(3).setCellValue("line " + r);
            }
            workbook.write(out);
        } finally {
            workbook.close();
        }
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
