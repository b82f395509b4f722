package org.dprktrade.briefing.ingest;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;


/**
 * One workbook read as a stream of accepted rows: {@link SheetRowReader} for the rows,
 * {@link RowInterpreter} for the cell rules, with the counts of {@link InputSummary} kept on the way.
 * Problems go to the consumer as they are met. {@code rowsRead} counts the data rows below the header,
 * blank and total rows excepted; duplicates are read but neither accepted nor rejected.
 * Not thread-safe; memory does not grow with the rows handed on.
 */
public final class WorkbookStream implements AutoCloseable {

    private final Path file;
    private final Dataset dataset;
    private final SheetRowReader rows;
    private final RowInterpreter interpreter;
    private final String sha256;
    private final Consumer<RowProblem> counting;
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
        // the checksum is taken after open() has vetted the file (exists, size, kind)
        this.sha256 = DatasetReader.sha256(file);
        this.interpreter = new RowInterpreter(dataset, props, rows.fileName(), rows.sheetName(), rows.isDate1904(),
                rows.quantityInUnits());
        this.counting = p -> {
            if (p.isError()) {
                rowFailed = true;
            } else {
                warnings++;
            }
            problems.accept(p);
        };
    }

    /** @throws InputFileException when the file cannot be used */
    public static WorkbookStream open(Path file, Dataset dataset, IngestProperties props,
                                      Consumer<RowProblem> problems) {
        SheetRowReader rows = SheetRowReader.open(file, dataset, props);
        try {
            return new WorkbookStream(file, dataset, props, rows, problems);
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /** The next accepted row, or {@code null} at the end of the sheet. */
    public AcceptedRow next() {
        SheetRow row;
        while ((row = rows.next()) != null) {
            if (interpreter.isTotalRow(row)) {
                continue;
            }
            read++;
            rowFailed = false;
            Optional<AcceptedRow> result = interpreter.interpret(row, counting);
            if (result.isPresent()) {
                accepted++;
                return result.get();
            }
            if (rowFailed) {
                rejected++;
            }
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

    /** The first raw name seen per category slug so far (see {@link RowInterpreter#firstNames()}). */
    public java.util.Map<String, String> firstNames() {
        return interpreter.firstNames();
    }

    @Override
    public void close() {
        rows.close();
    }
}
