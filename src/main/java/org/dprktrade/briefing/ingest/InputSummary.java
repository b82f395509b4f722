package org.dprktrade.briefing.ingest;

import org.dprktrade.briefing.ingest.Dataset;

/**
 * What was read from one input workbook.
 *
 * @param sha256      hex checksum of the file as read
 * @param rowsRead    data rows below the header (blank and total rows not counted)
 * @param rowsAccepted rows that became figures
 * @param rowsRejected rows with an error
 * @param warnings    warnings (kept rows, duplicates, unknown categories)
 */
public record InputSummary(Dataset dataset, String file, String sheet, String sha256, long rowsRead,
                           long rowsAccepted, long rowsRejected, long warnings) {
}
