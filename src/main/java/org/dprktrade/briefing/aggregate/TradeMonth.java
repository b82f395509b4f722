package org.dprktrade.briefing.aggregate;

import java.math.BigDecimal;

import org.dprktrade.briefing.ingest.TradeRecord;

/**
 * One category's figures for one month: the sum of its accepted rows.
 *
 * @param quantityT          tonnes over all rows
 * @param valueUsd           value over the rows that have one ({@code null} where none has)
 * @param quantityWithValueT tonnes of the rows that have a value (the base of the unit value)
 * @param rows               accepted rows summed into this month
 */
public record TradeMonth(BigDecimal quantityT, BigDecimal valueUsd, BigDecimal quantityWithValueT, int rows) {

    public static final TradeMonth EMPTY = new TradeMonth(BigDecimal.ZERO, null, BigDecimal.ZERO, 0);

    public TradeMonth plus(TradeRecord r) {
        boolean hasValue = r.valueUsd() != null;
        return new TradeMonth(
                quantityT.add(r.quantityTonnes()),
                hasValue ? (valueUsd == null ? r.valueUsd() : valueUsd.add(r.valueUsd())) : valueUsd,
                hasValue ? quantityWithValueT.add(r.quantityTonnes()) : quantityWithValueT,
                rows + 1);
    }

    public TradeMonth plus(TradeMonth other) {
        BigDecimal value = valueUsd == null ? other.valueUsd
                : other.valueUsd == null ? valueUsd : valueUsd.add(other.valueUsd);
        return new TradeMonth(quantityT.add(other.quantityT), value,
                quantityWithValueT.add(other.quantityWithValueT), rows + other.rows);
    }

    public boolean hasValue() {
        return valueUsd != null;
    }
}
