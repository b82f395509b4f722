package org.dprktrade.briefing.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.report.csv.DataQualityCsvWriter;
import org.dprktrade.briefing.report.csv.IndicatorsCsvWriter;
import org.dprktrade.briefing.report.pdf.PdfBriefingWriter;
import org.dprktrade.briefing.report.xlsx.WorkbookWriter;

/**
 * Writes the four outputs of a quarter into {@code <reportsDir>/<period>/}, in this order:
 * {@code indicators-<period>.csv}, {@code data-quality-<period>.csv}, {@code briefing-<period>.xlsx},
 * {@code briefing-<period>.pdf}.
 *
 * <p>All or nothing: each file is first written in full to a hidden temporary file beside its target
 * (see {@link AtomicFiles}); only when all four succeeded are they renamed into place, one atomic
 * rename each. A failure on the way deletes the temporary files and leaves the period's previous
 * reports exactly as they were. A reader never sees half a file; for the instant between the first
 * and the last rename it may see new and old files side by side.
 *
 * <p>No Spring, no state: thread-safe, but two runs of the same period at once must be prevented by
 * the caller (the last rename wins per file).
 */
public final class ReportWriter {

    /** Writes one output of a briefing to a stream it does not close. */
    @FunctionalInterface
    interface Output {
        void write(Briefing briefing, OutputStream out) throws IOException;
    }

    private final Output indicatorsCsv;
    private final Output dataQualityCsv;
    private final Output workbook;
    private final Output pdf;

    /** With the default settings ({@link ReportProperties#defaults()}). */
    public ReportWriter() {
        this(ReportProperties.defaults());
    }

    public ReportWriter(ReportProperties properties) {
        this(new IndicatorsCsvWriter()::write, new DataQualityCsvWriter()::write,
                new WorkbookWriter(properties.chartQuarters())::write,
                new PdfBriefingWriter(properties.chartQuarters(), properties.organisation())::write);
    }

    ReportWriter(Output indicatorsCsv, Output dataQualityCsv, Output workbook, Output pdf) {
        this.indicatorsCsv = indicatorsCsv;
        this.dataQualityCsv = dataQualityCsv;
        this.workbook = workbook;
        this.pdf = pdf;
    }

    /**
     * Writes the quarter's reports and returns their paths in the order written.
     *
     * @throws IOException when any of them cannot be written; no file of the period was replaced then
     */
    public List<Path> writeAll(Briefing briefing, Path reportsDir) throws IOException {
        Quarter period = briefing.period();
        Files.createDirectories(periodDir(reportsDir, period));
        List<AtomicFiles.Staged> staged = new ArrayList<>(4);
        try {
            staged.add(AtomicFiles.stage(indicatorsCsvPath(reportsDir, period), out -> indicatorsCsv.write(briefing, out)));
            staged.add(AtomicFiles.stage(dataQualityCsvPath(reportsDir, period), out -> dataQualityCsv.write(briefing, out)));
            staged.add(AtomicFiles.stage(workbookPath(reportsDir, period), out -> workbook.write(briefing, out)));
            staged.add(AtomicFiles.stage(pdfPath(reportsDir, period), out -> pdf.write(briefing, out)));
        } catch (IOException | RuntimeException | Error e) {
            staged.forEach(AtomicFiles.Staged::discard);
            throw e;
        }
        // no manifest while old and new files may stand side by side
        ReportManifest.remove(periodDir(reportsDir, period));
        List<Path> written = new ArrayList<>(staged.size());
        for (AtomicFiles.Staged s : staged) {
            s.commit();
            written.add(s.target());
        }
        ReportManifest.write(periodDir(reportsDir, period), period, briefing.runId(), written);
        return List.copyOf(written);
    }

    /** {@code <reportsDir>/<period>}. */
    public static Path periodDir(Path reportsDir, Quarter period) {
        return reportsDir.resolve(period.toString());
    }

    /** Where the PDF of a period is, for delivery: {@code <reportsDir>/<period>/briefing-<period>.pdf}. */
    public static Path pdfPath(Path reportsDir, Quarter period) {
        return periodDir(reportsDir, period).resolve("briefing-" + period + ".pdf");
    }

    /** Where the workbook of a period is: {@code <reportsDir>/<period>/briefing-<period>.xlsx}. */
    public static Path workbookPath(Path reportsDir, Quarter period) {
        return periodDir(reportsDir, period).resolve("briefing-" + period + ".xlsx");
    }

    /** {@code <reportsDir>/<period>/indicators-<period>.csv}. */
    public static Path indicatorsCsvPath(Path reportsDir, Quarter period) {
        return periodDir(reportsDir, period).resolve("indicators-" + period + ".csv");
    }

    /** {@code <reportsDir>/<period>/data-quality-<period>.csv}. */
    public static Path dataQualityCsvPath(Path reportsDir, Quarter period) {
        return periodDir(reportsDir, period).resolve("data-quality-" + period + ".csv");
    }
}
