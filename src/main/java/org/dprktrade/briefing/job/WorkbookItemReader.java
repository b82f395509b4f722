package org.dprktrade.briefing.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import org.dprktrade.briefing.ingest.AcceptedRow;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.IngestProperties;
import org.dprktrade.briefing.ingest.InputSummary;
import org.dprktrade.briefing.ingest.LaborRecord;
import org.dprktrade.briefing.ingest.RowProblem;
import org.dprktrade.briefing.ingest.Severity;
import org.dprktrade.briefing.ingest.TradeRecord;
import org.dprktrade.briefing.ingest.WorkbookStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one dataset's workbook as a stream and hands on only the rows that pass every cell rule; each
 * rejected row and warning goes to the run's problem list as it is met. At the end of the sheet it
 * records the input summary and fails the step when too many rows were rejected (after every problem
 * has been recorded, so nothing is lost). Not thread-safe; reopened for every execution.
 */
final class WorkbookItemReader implements ItemStreamReader<AcceptedRow> {

    private static final Logger log = LoggerFactory.getLogger("org.dprktrade.briefing.steps");

    private final Dataset dataset;
    private final Supplier<Path> file;
    private final IngestProperties properties;
    private final RunData runData;

    private WorkbookStream stream;
    private final Set<String> sourcesSeen = new HashSet<>();

    WorkbookItemReader(Dataset dataset, Supplier<Path> file, IngestProperties properties, RunData runData) {
        this.dataset = dataset;
        this.file = file;
        this.properties = properties;
        this.runData = runData;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        sourcesSeen.clear();
        Path path = file.get();
        if (!dataset.required() && !Files.exists(path)) {
            // docs/configuration.md: an optional dataset without its workbook is left out with a warning, not an error
            log.warn("{}: {} not found; the optional dataset is left out of this briefing", dataset, path);
            runData.leaveOut(dataset, path.toString());
            runData.addProblem(new RowProblem(String.valueOf(path.getFileName()), "", 0, "", Severity.WARNING,
                    "not found: the optional dataset " + dataset.id() + " is left out of this briefing", ""));
            stream = null;
            return;
        }
        stream = WorkbookStream.open(path, dataset, properties, runData::addProblem);
    }

    @Override
    public AcceptedRow read() {
        if (stream == null) {
            return null;
        }
        AcceptedRow row = stream.next();
        if (row == null) {
            finish();
            return null;
        }
        noteSource(row instanceof TradeRecord t ? t.source() : ((LaborRecord) row).source());
        return row;
    }

    // runData is a job-scoped proxy (a bean lookup per call): only distinct sources, up to the cap, go there
    private void noteSource(String source) {
        if (sourcesSeen.size() < RunData.MAX_SOURCES && !source.isBlank() && sourcesSeen.add(source)) {
            runData.addSource(dataset, source);
        }
    }

    private void finish() {
        InputSummary summary = stream.summary();
        log.info("{} (sheet {}): {} rows read, {} accepted, {} rejected, {} warnings", summary.file(), summary.sheet(),
                summary.rowsRead(), summary.rowsAccepted(), summary.rowsRejected(), summary.warnings());
        runData.addInput(summary);
        runData.addFirstNames(dataset, stream.firstNames());
        WorkbookStream finished = stream;
        close();
        finished.checkRejectedShare(properties.maxRejectedShare());
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
