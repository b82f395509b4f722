package org.dprktrade.briefing.indicators;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.dprktrade.briefing.aggregate.LaborFigures;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.LaborRecord;
import org.dprktrade.briefing.ingest.TradeRecord;

/** Builds monthly figures from rows written in code, so that every test states its own data. */
final class Fixtures {

    private Fixtures() {
    }

    static TradeBuilder trade(Dataset dataset) {
        return new TradeBuilder(new TradeFigures(dataset));
    }

    static LaborBuilder labor() {
        return new LaborBuilder(new LaborFigures());
    }

    static final class TradeBuilder {
        private final TradeFigures figures;
        private long row = 2;

        private TradeBuilder(TradeFigures figures) {
            this.figures = figures;
        }

        /** One row without a value. */
        TradeBuilder row(String month, String category, String tonnes) {
            return row(month, category, tonnes, null);
        }

        TradeBuilder row(String month, String category, String tonnes, String usd) {
            figures.add(new TradeRecord(YearMonth.parse(month), category, new BigDecimal(tonnes),
                    usd == null ? null : new BigDecimal(usd), "test", "", row++));
            return this;
        }

        /** The same quantity, without a value, in every month from {@code first} to {@code last}. */
        TradeBuilder rows(String first, String last, String category, String tonnes) {
            for (YearMonth m = YearMonth.parse(first); !m.isAfter(YearMonth.parse(last)); m = m.plusMonths(1)) {
                row(m.toString(), category, tonnes);
            }
            return this;
        }

        TradeFigures build() {
            return figures;
        }
    }

    static final class LaborBuilder {
        private final LaborFigures figures;
        private long row = 2;

        private LaborBuilder(LaborFigures figures) {
            this.figures = figures;
        }

        LaborBuilder entering(String month, String location, long workers) {
            return add(new LaborRecord(YearMonth.parse(month), location, workers, null, null, null, null, null,
                    "test", "", row++));
        }

        LaborBuilder employed(String month, String location, long workers) {
            return add(new LaborRecord(YearMonth.parse(month), location, null, workers, null, null, null, null,
                    "test", "", row++));
        }

        /** A wage row: {@code local} and {@code usd} may be null (no local wage, no conversion rate). */
        LaborBuilder wage(String month, String location, String wage, String local, String usd) {
            return add(new LaborRecord(YearMonth.parse(month), location, null, null, new BigDecimal(wage),
                    local == null ? null : new BigDecimal(local), "CNY", usd == null ? null : new BigDecimal(usd),
                    "test", "", row++));
        }

        LaborBuilder add(LaborRecord record) {
            figures.add(record);
            return this;
        }

        LaborFigures build() {
            return figures;
        }
    }
}
