package org.dprktrade.briefing.aggregate;

import java.math.BigDecimal;
import java.math.MathContext;

import org.dprktrade.briefing.ingest.LaborRecord;

/**
 * One location's labor figures for one month, summed from accepted rows. Wages are kept as sums and
 * counts so that means over several locations weigh every row alike.
 *
 * @param workersEntering sum over rows that have it, {@code null} where none has
 * @param workersEmployed sum over rows that have it, {@code null} where none has
 * @param wageUsdSum      sum of wages converted to USD
 * @param wageUsdRows     rows with a convertible wage
 * @param wageRatioSum    sum of wage / wage_local × 100
 * @param wageRatioRows   rows with both wage and wage_local
 * @param rows            accepted rows
 */
public record LaborMonth(Long workersEntering, Long workersEmployed, BigDecimal wageUsdSum, int wageUsdRows,
                         BigDecimal wageRatioSum, int wageRatioRows, int rows) {

    public static final LaborMonth EMPTY = new LaborMonth(null, null, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, 0);

    public LaborMonth plus(LaborRecord r) {
        boolean ratio = r.wage() != null && r.wageLocal() != null && r.wageLocal().signum() > 0;
        return new LaborMonth(
                add(workersEntering, r.workersEntering()),
                add(workersEmployed, r.workersEmployed()),
                r.wageUsd() == null ? wageUsdSum : wageUsdSum.add(r.wageUsd()),
                r.wageUsd() == null ? wageUsdRows : wageUsdRows + 1,
                ratio ? wageRatioSum.add(r.wage().multiply(BigDecimal.valueOf(100))
                        .divide(r.wageLocal(), MathContext.DECIMAL64)) : wageRatioSum,
                ratio ? wageRatioRows + 1 : wageRatioRows,
                rows + 1);
    }

    public LaborMonth plus(LaborMonth o) {
        return new LaborMonth(add(workersEntering, o.workersEntering), add(workersEmployed, o.workersEmployed),
                wageUsdSum.add(o.wageUsdSum), wageUsdRows + o.wageUsdRows,
                wageRatioSum.add(o.wageRatioSum), wageRatioRows + o.wageRatioRows, rows + o.rows);
    }

    private static Long add(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Long.valueOf(Math.addExact(a, b));
    }
}
