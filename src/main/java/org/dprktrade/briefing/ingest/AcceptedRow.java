package org.dprktrade.briefing.ingest;

import java.time.YearMonth;

/** A row that passed every cell rule: a {@link TradeRecord} or a {@link LaborRecord}. */
public sealed interface AcceptedRow permits TradeRecord, LaborRecord {

    YearMonth month();

    /** 1-based spreadsheet row number. */
    long row();
}
