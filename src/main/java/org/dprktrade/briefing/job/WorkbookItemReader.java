package org.dprktrade.briefing.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import org.dprktrade.briefing.ingest.AcceptedRow;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.DatasetReader;
import org.dprktrade.briefing.ingest.IngestProperties;
import org.dprktrade.briefing.ingest.LaborRecord;
import org.dprktrade.briefing.ingest.InputFileException;
import org.dprktrade.briefing.ingest.RowInterpreter;
import org.dprktrade.briefing.ingest.RowProblem;
import org.dprktrade.briefing.ingest.Severity;
import org.dprktrade.briefing.ingest.SheetRow;
import org.dprktrade.briefing.ingest.SheetRowReader;
import org.dprktrade.briefing.ingest.TradeRecord;
import org.dprktrade.briefing.report.InputSummary;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one dataset's workbook as a stream and hands on only the rows that pass every cell rule; each
 * rejected row and warning goes to the run's problem list as it is met. At the end of the sheet it
 * records the input summary and fails the step when too many rows were rejected (after every problem
 * has been recorded, so nothing is lost). Not thread-safe; reopened for every execution.
 */
final class WorkbookItemReader implements ItemStreamReader<AcceptedRow> {

    private final Dataset dataset;
    private final Supplier<Path> file;
    private final IngestProperties properties;
    private final RunData runData;

    private SheetRowReader sheet;
    private RowInterpreter interpreter;
    private String sha256;
    private long read;
    private long accepted;
    private long rejected;
    private long warnings;
    private boolean finished;

    WorkbookItemReader(Dataset dataset, Supplier<Path> file, IngestProperties properties, RunData runData) {
        this.dataset = dataset;
        this.file = file;
        this.properties = properties;
        this.runData = runData;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        Path path = file.get();
        read = accepted = rejected = warnings = 0;
        finished = false;
        sheet = SheetRowReader.open(path, dataset, properties);
        sha256 = sha256(path);
        interpreter = new RowInterpreter(dataset, properties, sheet.fileName(), sheet.sheetName(), sheet.isDate1904());
    }

    @Override
    public AcceptedRow read() {
        if (finished) {
            return null;
        }
        SheetRow row;
        while ((row = sheet.next()) != null) {
            RowOutcome outcome = new RowOutcome();
            Optional<AcceptedRow> result = interpreter.interpret(row, outcome);
            if (outcome.counted || result.isPresent()) {
                read++;
            }
            if (result.isPresent()) {
                accepted++;
                AcceptedRow acceptedRow = result.get();
                if (acceptedRow instanceof TradeRecord t) {
                    runData.addSource(dataset, t.source());
                } else if (acceptedRow instanceof LaborRecord l) {
                    runData.addSource(dataset, l.source());
                }
                return acceptedRow;
            }
            if (outcome.error) {
                rejected++;
            }
        }
        finish();
        return null;
    }

    private void finish() {
        finished = true;
        runData.addInput(new InputSummary(dataset, sheet.fileName(), sheet.sheetName(), sha256, read, accepted,
                rejected, warnings));
        DatasetReader.checkRejectedShare(file.get(), read, rejected, properties.maxRejectedShare());
    }

    @Override
    public void close() {
        if (sheet != null) {
            sheet.close();
            sheet = null;
        }
    }

    /** Records a row's problems and remembers whether the row was rejected or merely warned about. */
    private final class RowOutcome implements java.util.function.Consumer<RowProblem> {
        boolean error;
        boolean counted;

        @Override
        public void accept(RowProblem problem) {
            runData.addProblem(problem);
            counted = true;
            if (problem.severity() == Severity.ERROR) {
                error = true;
            } else {
                warnings++;
            }
        }
    }

    private static String sha256(Path path) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest())) {
            byte[] buffer = new byte[64 * 1024];
            while (in.read(buffer) >= 0) {
                // the digest stream does the work
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new InputFileException(path, path.getFileName() + ": cannot be read: " + e.getMessage());
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
