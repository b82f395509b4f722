package org.dprktrade.briefing.ingest;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One accepted row of a trade dataset (grain, fertilizer, oil), quantities already in tonnes.
 *
 * @param category normalised slug after alias mapping, e.g. {@code flour}
 * @param valueUsd {@code null} where the row has no value
 * @param row      1-based spreadsheet row number
 */
public record TradeRecord(YearMonth month, String category, BigDecimal quantityTonnes, BigDecimal valueUsd,
                          String source, String note, long row) implements AcceptedRow {

    public TradeRecord {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(quantityTonnes, "quantityTonnes");
        if (quantityTonnes.signum() < 0) {
            throw new IllegalArgumentException("quantity must not be negative: " + quantityTonnes);
        }
        if (valueUsd != null && valueUsd.signum() < 0) {
            throw new IllegalArgumentException("value must not be negative: " + valueUsd);
        }
        source = source == null ? "" : source;
        note = note == null ? "" : note;
    }
}
