package org.dprktrade.briefing.ingest;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One accepted row of the labor dataset. At least one of workers entering, workers employed and wage
 * is present; a wage always comes with its currency.
 *
 * @param wage      monthly wage of a DPRK worker in {@code currency}, or {@code null}
 * @param wageLocal monthly wage of a local worker in the same job, same currency, or {@code null}
 * @param wageUsd   {@code wage} converted with the configured yearly rate, or {@code null} where there is
 *                  no wage or no rate
 */
public record LaborRecord(YearMonth month, String location, Long workersEntering, Long workersEmployed,
                          BigDecimal wage, BigDecimal wageLocal, String currency, BigDecimal wageUsd,
                          String source, String note, long row) implements AcceptedRow {

    public LaborRecord {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(location, "location");
        if (workersEntering == null && workersEmployed == null && wage == null) {
            throw new IllegalArgumentException("a labor row needs workers_entering, workers_employed or wage");
        }
        if (wage != null && (currency == null || currency.isBlank())) {
            throw new IllegalArgumentException("a wage needs a currency");
        }
        source = source == null ? "" : source;
        note = note == null ? "" : note;
    }
}
