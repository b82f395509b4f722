package org.dprktrade.briefing.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import org.dprktrade.briefing.support.Sha256;


/**
 * Reads one whole workbook through {@link WorkbookStream}, then checks the rejected share. For the
 * {@code validate} command and tests; the batch job pulls from a {@link WorkbookStream} itself.
 */
public final class DatasetReader {

    private DatasetReader() {
    }

    /**
     * Passes every accepted row and every problem to the consumers, in row order, and returns the
     * counts. {@code rowsRead} counts the data rows below the header, blank and total rows excepted;
     * duplicates are read but neither accepted nor rejected.
     *
     * @throws InputFileException when the file cannot be used, or, after every problem has been passed
     *                            on, when more than {@code props.maxRejectedShare()} of its rows were rejected
     */
    public static InputSummary read(Path file, Dataset dataset, IngestProperties props,
                                    Consumer<AcceptedRow> accepted, Consumer<RowProblem> problems) {
        InputSummary summary;
        try (WorkbookStream stream = WorkbookStream.open(file, dataset, props, problems)) {
            AcceptedRow row;
            while ((row = stream.next()) != null) {
                accepted.accept(row);
            }
            summary = stream.summary();
        }
        checkRejectedShare(file, summary, props.maxRejectedShare());
        return summary;
    }

    /**
     * Fails the file when {@code rejected / read} exceeds {@code maxShare} (a share of exactly
     * {@code maxShare} passes). A file with no rows read passes: there is no share to judge.
     *
     * @throws InputFileException e.g. {@code grain.xlsx: 7 of 100 rows rejected (7.0 %), more than the allowed 5.0 %}
     */
    public static void checkRejectedShare(Path file, long read, long rejected, double maxShare) {
        if (read <= 0 || rejected <= 0) {
            return;
        }
        // exact decimal comparison: 5 of 100 at 0.05 is allowed, whatever binary doubles would say
        BigDecimal limit = BigDecimal.valueOf(maxShare).multiply(BigDecimal.valueOf(read));
        if (BigDecimal.valueOf(rejected).compareTo(limit) > 0) {
            throw new InputFileException(file, String.format(Locale.ROOT,
                    "%d of %d rows rejected (%.1f %%), more than the allowed %.1f %%",
                    rejected, read, 100.0 * rejected / read, 100.0 * maxShare));
        }
    }

    /** Same check on a summary, for the batch job. */
    public static void checkRejectedShare(Path file, InputSummary summary, double maxShare) {
        checkRejectedShare(file, summary.rowsRead(), summary.rowsRejected(), maxShare);
    }

    /** Hex SHA-256 of the file's bytes. */
    public static String sha256(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new InputFileException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
