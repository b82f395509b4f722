package org.dprktrade.briefing.job;

import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;

import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.ingest.InputSummary;

/**
 * No dataset has a single reported month in the quarter: there is nothing to brief, so the run fails as
 * an input data error (exit 3) before any report is written or sent (docs/commands.md, "A quarter with no
 * figures"). The message is one line naming the latest month the workbooks hold.
 */
public final class NoFiguresException extends RuntimeException {

    private NoFiguresException(String message) {
        super(message);
    }

    /** Throws unless some dataset has a month in the quarter. */
    static void requireFigures(Quarter period, RunData data) {
        YearMonth latest = null;
        Dataset latestIn = null;
        for (Dataset dataset : data.datasets()) {
            NavigableMap<YearMonth, ?> months = monthsOf(dataset, data);
            if (months.isEmpty()) {
                continue;
            }
            if (!months.subMap(period.firstMonth(), true, period.lastMonth(), true).isEmpty()) {
                return;
            }
            if (latest == null || months.lastKey().isAfter(latest)) {
                latest = months.lastKey();
                latestIn = dataset;
            }
        }
        throw new NoFiguresException("no figures for " + period + " in any workbook; " + (latest == null
                ? "the workbooks hold no month at all" : "the latest month is " + latest + " (" + fileOf(latestIn, data) + ")"));
    }

    private static NavigableMap<YearMonth, ?> monthsOf(Dataset dataset, RunData data) {
        if (!dataset.isTrade()) {
            return data.labor().totals();
        }
        Map<Dataset, TradeFigures> trade = data.trade();
        TradeFigures figures = trade.get(dataset);
        return figures == null ? java.util.Collections.emptyNavigableMap() : figures.totals();
    }

    private static String fileOf(Dataset dataset, RunData data) {
        return data.inputs().stream().filter(i -> i.dataset().equals(dataset)).map(InputSummary::file)
                .map(f -> java.nio.file.Path.of(f).getFileName().toString()).findFirst().orElse(dataset.id());
    }
}
