package org.dprktrade.briefing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code kill -9} of a child JVM in the middle of a run: the next run finds the execution the
 * dead process left STARTED, marks it FAILED, and completes the period with a full set of reports.
 */
class CrashRecoveryFunctionalTests {

    @TempDir
    Path input;

    @TempDir
    Path reports;

    @Test
    void aRunKilledMidwayIsMarkedFailedAndTheRerunCompletes() throws Exception {
        for (String name : List.of("fertilizer.xlsx", "labor.xlsx", "oil.xlsx")) {
            Files.copy(Path.of("input", name), input.resolve(name));
        }
        writeLargeGrain(input.resolve("grain.xlsx"), 400_000);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BriefingCli.class.getName(),
                "run", "--period", "2014-Q3", "--input", input.toString(), "--reports", reports.toString())
                .redirectErrorStream(true).redirectOutput(reports.resolve("child.out").toFile()).start();
        Path log = reports.resolve(".state/briefing.log");
        awaitLine(log, "Executing step: [ingestGrain]", Duration.ofSeconds(60));
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(reports.resolve("2014-Q3/briefing-2014-Q3.pdf")).doesNotExist();

        CommandResult rerun = CommandResult.run("run", "--period", "2014-Q3", "--input", input.toString(),
                "--reports", reports.toString());

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(reports.resolve("2014-Q3/briefing-2014-Q3.pdf")).isNotEmptyFile();
        assertThat(reports.resolve("2014-Q3/indicators-2014-Q3.csv")).content()
                .startsWith("period,dataset,category,indicator,value,unit")
                .contains("2014-Q3,grain,all,quantity_t,");
        try (var files = Files.list(reports.resolve("2014-Q3"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        String history = CommandResult.run("history", "--reports", reports.toString()).out();
        assertThat(history.lines().filter(l -> l.contains("2014-Q3"))).hasSize(2)
                .anyMatch(l -> l.contains("FAILED")).anyMatch(l -> l.contains("COMPLETED"));
        assertThat(Files.readString(log)).contains("was left STARTED by a process that ended; marked FAILED");
    }

    /** Rows of rice, 1 t each, spread over 2012–2014: slow enough to read that the kill lands mid-step. */
    private static void writeLargeGrain(Path file, int rows) throws IOException {
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

    private static void awaitLine(Path file, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(Files.exists(file) && Files.readString(file).contains(text))) {
            assertThat(System.nanoTime()).as("waiting for '%s' in %s", text, file).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
