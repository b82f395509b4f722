package org.dprktrade.briefing.job;

import static org.dprktrade.briefing.indicators.IndicatorName.*;

import java.math.BigDecimal;
import java.util.List;

import org.dprktrade.briefing.delivery.FigureRow;
import org.dprktrade.briefing.indicators.Indicator;
import org.dprktrade.briefing.indicators.IndicatorName;
import org.dprktrade.briefing.indicators.QuarterIndicators;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.report.Formats;

/**
 * The quarter at a glance for the mail: one row per dataset, each dataset's total formatted as the PDF's
 * table formats it (figures {@code 67,916}, changes {@code +18.6}, {@code n/a} where undefined, blank where
 * the measure does not apply).
 */
final class GlanceFigures {

    private GlanceFigures() {
    }

    static List<FigureRow> of(QuarterIndicators qi) {
        return qi.indicators().stream().map(Indicator::dataset).distinct().map(d -> row(qi, d)).toList();
    }

    private static FigureRow row(QuarterIndicators qi, Dataset dataset) {
        String name = dataset.title();
        if (dataset.isTrade()) {
            return new FigureRow(name, "tonnes", figure(qi, dataset, QUANTITY_T), change(qi, dataset, QOQ_PCT),
                    change(qi, dataset, YOY_PCT), figure(qi, dataset, YTD_QUANTITY_T));
        }
        return new FigureRow(name, "workers entering", figure(qi, dataset, WORKERS_ENTERING), "",
                change(qi, dataset, WORKERS_ENTERING_YOY_PCT), "");
    }

    private static String figure(QuarterIndicators qi, Dataset dataset, IndicatorName name) {
        return Formats.display(qi.value(dataset, Indicator.ALL, name), name);
    }

    private static String change(QuarterIndicators qi, Dataset dataset, IndicatorName name) {
        BigDecimal value = qi.value(dataset, Indicator.ALL, name);
        return Formats.signed(value, 1);
    }
}
