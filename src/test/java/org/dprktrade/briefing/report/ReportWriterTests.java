package org.dprktrade.briefing.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dprktrade.briefing.aggregate.LaborFigures;
import org.dprktrade.briefing.indicators.QuarterIndicators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTests {

    @TempDir
    Path reports;

    @Test
    void writesTheFourOutputsIntoThePeriodFolderInOrder() throws IOException {
        List<Path> written = new ReportWriter().writeAll(SampleBriefing.briefing(), reports);

        Path dir = reports.resolve("2014-Q3");
        assertThat(written).containsExactly(dir.resolve("indicators-2014-Q3.csv"),
                dir.resolve("data-quality-2014-Q3.csv"), dir.resolve("briefing-2014-Q3.xlsx"),
                dir.resolve("briefing-2014-Q3.pdf"));
        // the four reports and, written last, the completion manifest
        assertThat(listing(dir)).containsExactly(".manifest", "briefing-2014-Q3.pdf", "briefing-2014-Q3.xlsx",
                "data-quality-2014-Q3.csv", "indicators-2014-Q3.csv");
        assertThat(Files.readAllBytes(written.get(3))).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.readAllBytes(written.get(2))).startsWith('P', 'K');
        assertThat(ReportWriter.pdfPath(reports, SampleBriefing.PERIOD)).isEqualTo(written.get(3));
    }

    @Test
    void writesAQuarterWithNoFiguresAtAll() throws IOException {
        Briefing full = SampleBriefing.briefing();
        Briefing empty = new Briefing(full.period(), 7, full.generatedAt(),
                new QuarterIndicators(full.period(), List.of(), List.of()), List.of(), Map.of(), new LaborFigures(), List.of(),
                List.of(), Map.of());

        List<Path> written = new ReportWriter().writeAll(empty, reports);

        assertThat(written).hasSize(4).allSatisfy(p -> assertThat(p).isNotEmptyFile());
        // nothing reported in any dataset is not a final quarter, but the empty list says nothing either way
        assertThat(written.get(0)).hasContent("period,dataset,category,indicator,value,unit\n"
                + "2014-Q3,all,all,provisional,0,flag");
    }

    @Test
    void aFailingOutputLeavesEveryPreviousReportOfThePeriodByteIdentical() throws IOException {
        new ReportWriter().writeAll(SampleBriefing.briefing(), reports);
        Path dir = reports.resolve("2014-Q3");
        Map<String, byte[]> before = contents(dir);

        ReportWriter failingPdf = new ReportWriter(
                (b, out) -> out.write("new csv".getBytes(StandardCharsets.UTF_8)),
                (b, out) -> out.write("new csv".getBytes(StandardCharsets.UTF_8)),
                (b, out) -> out.write("new xlsx".getBytes(StandardCharsets.UTF_8)),
                (b, out) -> {
                    out.write("%PDF-half".getBytes(StandardCharsets.US_ASCII));
                    throw new IOException("font missing");
                });

        assertThatIOException().isThrownBy(() -> failingPdf.writeAll(SampleBriefing.briefing(), reports))
                .withMessage("font missing");
        Map<String, byte[]> after = contents(dir);
        assertThat(after.keySet()).isEqualTo(before.keySet()); // no .tmp file left behind
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> contents = new HashMap<>();
        for (String name : listing(dir)) {
            contents.put(name, Files.readAllBytes(dir.resolve(name)));
        }
        return contents;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
