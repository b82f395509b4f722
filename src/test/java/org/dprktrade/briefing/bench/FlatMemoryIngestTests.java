package org.dprktrade.briefing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.dprktrade.briefing.period.Quarter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest in a forked JVM with a heap too small for anything that grows with the rows: 200,000 rows whose
 * source texts alone hold about 100 MB as strings (500 characters each, all distinct, in the shared
 * strings table) read under {@code -Xmx96m}. A reader that keeps the table in memory, as POI's
 * {@code ReadOnlySharedStringsTable} does, ends with an OutOfMemoryError (checked below with POI's own
 * reader); ours must finish with the exact totals.
 */
class FlatMemoryIngestTests {

    private static final int ROWS = 200_000;
    private static final int SOURCE_CHARS = 500;

    @TempDir
    Path dir;

    @Test
    void ingestsTwoHundredThousandRowsUnderNinetySixMegabytesWithExactTotals() throws Exception {
        GrainWorkbookGenerator.Generated generated =
                GrainWorkbookGenerator.write(dir.resolve("grain.xlsx"), ROWS, 7L, SOURCE_CHARS);

        Child child = fork("ingest", generated.file());

        assertThat(child.exitCode()).as(child.output()).isZero();
        assertThat(child.output()).contains("rows=" + ROWS + " ");
        assertThat(totalLines(child.output())).isEqualTo(expected(generated.totals()));
        // Rows per quarter from the pattern (row i is of month i % 36): 200,000 = 5,555 × 36 + 20, so
        // every month has 5,555 rows and months 0..19 one more: 2012-Q1..2013-Q2 have 3 × 5,556 = 16,668,
        // 2013-Q3 (months 18, 19, 20) 16,667, the five later quarters 16,665; 6 × 16,668 + 16,667 + 5 × 16,665 = 200,000.
        Map<Quarter, Long> rowsByQuarter = new TreeMap<>();
        generated.totals().forEach((q, byCommodity) -> rowsByQuarter.put(q,
                byCommodity.values().stream().mapToLong(GrainWorkbookGenerator.Totals::rows).sum()));
        assertThat(rowsByQuarter).containsEntry(Quarter.parse("2012-Q1"), 16_668L)
                .containsEntry(Quarter.parse("2013-Q2"), 16_668L)
                .containsEntry(Quarter.parse("2013-Q3"), 16_667L)
                .containsEntry(Quarter.parse("2014-Q4"), 16_665L);
    }

    @Test
    void poisOwnStreamingReaderRunsOutOfMemoryOnTheSameFile() throws Exception {
        GrainWorkbookGenerator.Generated generated =
                GrainWorkbookGenerator.write(dir.resolve("grain.xlsx"), ROWS, 7L, SOURCE_CHARS);

        Child child = fork("poi-sax", generated.file());

        assertThat(child.exitCode()).isNotZero();
        assertThat(child.output()).contains("OutOfMemoryError");
    }

    private record Child(int exitCode, String output) {
    }

    private static Child fork(String mode, Path file) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                IngestProbe.class.getName(), mode, file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Child(process.exitValue(), output);
    }

    private static List<String> totalLines(String output) {
        return output.lines().filter(l -> l.startsWith("total ")).toList();
    }

    private static List<String> expected(Map<Quarter, Map<String, GrainWorkbookGenerator.Totals>> totals) {
        List<String> lines = new ArrayList<>();
        totals.forEach((q, byCommodity) -> byCommodity.forEach((c, t) -> lines.add(String.format(Locale.ROOT,
                "total %s %s %d %s %s", q, c, t.rows(), t.quantityT().stripTrailingZeros().toPlainString(),
                t.valueUsd().stripTrailingZeros().toPlainString()))));
        return lines;
    }
}
