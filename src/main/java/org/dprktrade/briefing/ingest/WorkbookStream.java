package org.dprktrade.briefing.ingest;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;


/**
 * One workbook read as a stream of accepted rows: {@link SheetRowReader} for the rows,
 * {@link RowInterpreter} for the cell rules, with the counts of {@link InputSummary} kept on the way.
 * Problems go to the consumer as they are met, in row order and on the caller's thread. {@code rowsRead}
 * counts the data rows below the header, blank and total rows excepted; duplicates are read but neither
 * accepted nor rejected.
 *
 * <p>{@link #open} vets the file and finds the header on the caller's thread. The rows below it then go
 * through a pipeline of two background threads, each ahead of the next in bounded batches
 * ({@link BatchPipe}): one parses the sheet XML into rows, one applies the cell rules, and the caller
 * does whatever it does with the accepted rows (the batch job's chunks and sums). On two cores the three
 * overlap, which took the 1 M-row step to well under POI's bare read (README "Performance"). Memory is
 * bounded by the batches in flight and does not grow with the rows handed on. A file failure met by the
 * parse is thrown from {@link #next()} where the rows stop, with the same one-line message.
 * Not thread-safe: one caller thread; close it (also before the end) to stop the threads and release the
 * file.
 */
public final class WorkbookStream implements AutoCloseable {

    private static final int BATCH = 1024;
    private static final int QUEUED_BATCHES = 4;

    private final Path file;
    private final Dataset dataset;
    private final SheetRowReader rows;
    private final RowInterpreter interpreter;
    private final Consumer<RowProblem> problems;
    private final BatchPipe<SheetRow> parsed = new BatchPipe<>(QUEUED_BATCHES, BATCH);
    private final BatchPipe<Object> interpreted = new BatchPipe<>(QUEUED_BATCHES, BATCH);
    private final Thread parser;
    private final Thread rules;

    // written by the rules thread; read by the caller only after the last batch (the queue orders them)
    private String sha256;
    private long read;
    private long accepted;
    private long rejected;
    private long warnings;
    private boolean rowFailed;

    private WorkbookStream(Path file, Dataset dataset, IngestProperties props, SheetRowReader rows,
                           Consumer<RowProblem> problems) {
        this.file = file;
        this.dataset = dataset;
        this.rows = rows;
        this.problems = problems;
        this.interpreter = new RowInterpreter(dataset, props, rows.fileName(), rows.sheetName(), rows.isDate1904(),
                rows.quantityInUnits());
        this.parser = daemon(this::parse, "ingest-" + dataset.id() + "-parse");
        this.rules = daemon(this::interpret, "ingest-" + dataset.id() + "-rules");
    }

    /** @throws InputFileException when the file cannot be used */
    public static WorkbookStream open(Path file, Dataset dataset, IngestProperties props,
                                      Consumer<RowProblem> problems) {
        SheetRowReader rows = SheetRowReader.open(file, dataset, props);
        WorkbookStream stream;
        try {
            stream = new WorkbookStream(file, dataset, props, rows, problems);
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
        stream.parser.start();
        stream.rules.start();
        return stream;
    }

    /**
     * The next accepted row, or {@code null} at the end of the sheet.
     *
     * @throws InputFileException when the rest of the file cannot be read
     */
    public AcceptedRow next() {
        Object item;
        while ((item = interpreted.next()) != null) {
            if (item instanceof AcceptedRow row) {
                return row;
            }
            problems.accept((RowProblem) item);
        }
        return null;
    }

    /** The counts so far; complete once {@link #next()} has returned {@code null}. */
    public InputSummary summary() {
        return new InputSummary(dataset, rows.fileName(), rows.sheetName(), sha256, read, accepted, rejected,
                warnings);
    }

    /** @throws InputFileException when more than {@code maxShare} of the rows read were rejected */
    public void checkRejectedShare(double maxShare) {
        DatasetReader.checkRejectedShare(file, read, rejected, maxShare);
    }

    /**
     * The first raw name seen per category slug (see {@link RowInterpreter#firstNames()}); complete once every
     * row has been taken, since the rows are interpreted on a background thread.
     */
    public java.util.Map<String, String> firstNames() {
        return interpreter.firstNames();
    }

    @Override
    public void close() {
        interpreted.close();
        parsed.close();
        boolean interrupted = join(rules) | join(parser);
        rows.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the background threads -----------------------------------------------------------------

    private void parse() {
        try {
            SheetRow row;
            while ((row = rows.next()) != null) {
                if (!parsed.add(row)) {
                    return;
                }
            }
            parsed.finish(null);
        } catch (Throwable failure) {
            parsed.finish(failure);
        }
    }

    private void interpret() {
        Consumer<RowProblem> collect = p -> {
            if (p.isError()) {
                rowFailed = true;
            } else {
                warnings++;
            }
            interpreted.add(p);
        };
        try {
            SheetRow row;
            while ((row = parsed.next()) != null) {
                if (interpreter.isTotalRow(row)) {
                    continue;
                }
                read++;
                rowFailed = false;
                Optional<AcceptedRow> result = interpreter.interpret(row, collect);
                if (result.isPresent()) {
                    accepted++;
                    if (!interpreted.add(result.get())) {
                        return;
                    }
                } else if (rowFailed) {
                    rejected++;
                }
            }
            if (parsed.isClosed()) {
                return; // closed early: nobody waits for the rest
            }
            // the checksum of the bytes just read, while the caller still works through the last rows
            sha256 = DatasetReader.sha256(file);
            interpreted.finish(null);
        } catch (Throwable failure) {
            interpreted.finish(failure);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static boolean join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }
}
