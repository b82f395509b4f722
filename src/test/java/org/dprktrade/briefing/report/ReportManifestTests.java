package org.dprktrade.briefing.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportManifestTests {

    @TempDir
    Path reports;

    private Path dir;
    private List<Path> written;

    @BeforeEach
    void writeReports() throws IOException {
        written = new ReportWriter().writeAll(SampleBriefing.briefing(), reports);
        dir = ReportWriter.periodDir(reports, SampleBriefing.PERIOD);
    }

    @Test
    void aCompleteSetVerifiesWithTheRunThatWroteIt() {
        ReportManifest.Complete complete = ReportManifest.verify(dir, SampleBriefing.PERIOD);

        assertThat(complete.runId()).isEqualTo(42);
        assertThat(complete.files()).containsExactlyElementsOf(written);
    }

    @Test
    void isInSha256sumFormatWithTheRunInItsHeader() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(".manifest"));

        assertThat(lines.get(0)).isEqualTo("# briefing 2014-Q3 run 42");
        assertThat(lines.subList(1, lines.size())).hasSize(4)
                .allMatch(l -> l.matches("[0-9a-f]{64}  \\S+"))
                .anyMatch(l -> l.endsWith("  briefing-2014-Q3.pdf"));
    }

    @Test
    void aChangedReportIsNotAVerifiedSet() throws IOException {
        Files.writeString(dir.resolve("indicators-2014-Q3.csv"), "period\n");

        assertThatThrownBy(() -> ReportManifest.verify(dir, SampleBriefing.PERIOD))
                .isInstanceOf(ReportManifest.IncompleteReportsException.class)
                .hasMessageContaining("indicators-2014-Q3.csv is missing or differs from the one run 42 wrote");
    }

    @Test
    void aSetWithoutManifestIsIncomplete() throws IOException {
        Files.delete(dir.resolve(".manifest"));

        assertThatThrownBy(() -> ReportManifest.verify(dir, SampleBriefing.PERIOD))
                .isInstanceOf(ReportManifest.IncompleteReportsException.class)
                .hasMessageContaining("not a complete set (no .manifest");
    }
}
