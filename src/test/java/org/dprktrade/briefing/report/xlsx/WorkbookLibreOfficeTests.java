package org.dprktrade.briefing.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.dprktrade.briefing.report.SampleBriefing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real spreadsheet program opens the workbook: LibreOffice (headless) converts every sheet to CSV and
 * the totals are where the workbook says they are. Skipped, not failed, where {@code soffice} is not
 * on the PATH (install {@code libreoffice-calc-nogui}). Takes about 2 s.
 */
class WorkbookLibreOfficeTests {

    /** Comma-separated, UTF-8, raw values (not "as shown"), every sheet to its own file (LibreOffice 7.2+). */
    private static final String CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

    @TempDir
    static Path dir;

    private static Path out;

    @BeforeAll
    static void convertWithLibreOffice() throws IOException, InterruptedException {
        assumeTrue(onPath("soffice"), "soffice is not on the PATH: install libreoffice-calc-nogui to run this test");
        Path xlsx = dir.resolve("briefing-2014-Q3.xlsx");
        try (OutputStream os = Files.newOutputStream(xlsx)) {
            new WorkbookWriter().write(SampleBriefing.briefing(), os);
        }
        out = Files.createDirectories(dir.resolve("csv"));
        // Its own profile folder, so a LibreOffice already running on the machine does not take the job over.
        Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless", "--convert-to", CSV_ALL_SHEETS, "--outdir", out.toString(), xlsx.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertThat(soffice.waitFor(120, TimeUnit.SECONDS)).as("soffice finished within 2 minutes").isTrue();
        assertThat(soffice.exitValue()).as(Files.readString(dir.resolve("soffice.log"))).isZero();
    }

    @Test
    void readsTheSummaryWithTitleAndGrainTotal() throws IOException {
        List<String> summary = sheet("Summary");
        assertThat(summary.get(0)).isEqualTo("\"DPRK–China trade: quarterly briefing, 2014-Q3\"" + ",".repeat(10));
        // grain, all, quantity 54,893 t, value 10,500,000 USD, then qoq 103.307 % and yoy -12.5 %: stored as
        // fractions under a percent format, which LibreOffice keeps even in a raw export.
        assertThat(summary).contains("grain,total,54893,10500000,103.307%,-12.5%,,,3,0,");
    }

    @Test
    void readsTheSumTotalsOfADatasetSheet() throws IOException {
        // 2014-Q3 grain: 19,559 + 25,217 + 10,117 = 54,893 t; flour's value 4.5 M + 6 M = 10.5 M USD.
        assertThat(sheet("grain")).contains("2014-Q3,total,all,54893,10500000", "2014-Q3,total,flour,26000,10500000");
    }

    @Test
    void readsTheChartTableLinkedToTheTotals() throws IOException {
        // Grain 54,893 t, no fertilizer figures (blank), oil 1,500.5 t.
        assertThat(sheet("Charts")).contains("2014-Q3,54893,,1500.5");
    }

    private static List<String> sheet(String name) throws IOException {
        Path csv = out.resolve("briefing-2014-Q3-" + name + ".csv");
        assertThat(csv).exists();
        return Files.readAllLines(csv, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }
}
