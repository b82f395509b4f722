package org.dprktrade.briefing.report;

import org.dprktrade.briefing.ingest.InputSummary;
import static org.dprktrade.briefing.indicators.IndicatorName.*;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.dprktrade.briefing.aggregate.LaborFigures;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.indicators.Indicator;
import org.dprktrade.briefing.indicators.IndicatorName;
import org.dprktrade.briefing.indicators.QuarterIndicators;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.LaborRecord;
import org.dprktrade.briefing.ingest.RowProblem;
import org.dprktrade.briefing.ingest.Severity;
import org.dprktrade.briefing.ingest.TradeRecord;
import org.dprktrade.briefing.period.Quarter;

/**
 * A small briefing for 2014-Q3 built in code, shared by the report tests. Grain's Q3 months are the
 * reported July and August totals (19,559 t and 25,217 t) and an illustrative September of 10,117 t,
 * so the quarter's total is 19,559 + 25,217 + 10,117 = 54,893 t. The indicator list is hand-made, not
 * computed: it carries the edge cases the writers must handle (undefined values, 1E+2, a negative
 * change, more than four decimals, a Korean category).
 */
public final class SampleBriefing {

    public static final Quarter PERIOD = Quarter.parse("2014-Q3");
    public static final String KOREAN = "평양";
    public static final String CHINESE = "丹东";
    public static final String INJECTION = "=HYPERLINK(\"x\")";
    /** Sentences as the indicators stage words them; the writers print them as given. */
    public static final List<String> KEY_DEVELOPMENTS = List.of(
            "Grain imports rose 77.0 % on the quarter to 54,893 t; flour was 47.4 % of the tonnage.",
            "No crude oil was recorded for the 3rd consecutive month.");

    private SampleBriefing() {
    }

    public static Briefing briefing() {
        return new Briefing(PERIOD, 42, OffsetDateTime.of(2014, 10, 10, 6, 0, 0, 0, ZoneOffset.ofHours(9)),
                indicators(), KEY_DEVELOPMENTS, Map.of(Dataset.GRAIN, grain(), Dataset.OIL, oil()), labor(), problems(),
                inputs(),
                Map.of(Dataset.GRAIN, List.of("KITA; Chinese customs (monthly split illustrative)"),
                        Dataset.LABOR, List.of(CHINESE + " (Dandong) city statistics")));
    }

    /** Q3 2014: corn 2,000 + 3,000 = 5,000; flour 9,000 + 12,000 + 5,000 = 26,000; rice 8,559 + 10,217 + 4,117 = 22,893; 평양 1,000. */
    public static TradeFigures grain() {
        TradeFigures grain = new TradeFigures(Dataset.GRAIN);
        grain.add(trade("2013-08", "flour", "30000", null));
        grain.add(trade("2014-05", "flour", "15000", null));
        grain.add(trade("2014-05", "rice", "12000", null));
        grain.add(trade("2014-07", "flour", "9000", "4500000"));
        grain.add(trade("2014-07", "rice", "8559", null));
        grain.add(trade("2014-07", "corn", "2000", null));
        grain.add(trade("2014-08", "flour", "12000", "6000000"));
        grain.add(trade("2014-08", "rice", "10217", null));
        grain.add(trade("2014-08", "corn", "3000", null));
        grain.add(trade("2014-09", "flour", "5000", null));
        grain.add(trade("2014-09", "rice", "4117", null));
        grain.add(trade("2014-09", KOREAN, "1000", null));
        return grain;
    }

    public static TradeFigures oil() {
        TradeFigures oil = new TradeFigures(Dataset.OIL);
        for (String month : List.of("2014-07", "2014-08", "2014-09")) {
            oil.add(trade(month, "crude_oil", "0", null));
        }
        oil.add(trade("2014-08", "kerosene", "1500.5", "1200000"));
        return oil;
    }

    public static LaborFigures labor() {
        LaborFigures labor = new LaborFigures();
        labor.add(new LaborRecord(YearMonth.parse("2014-07"), "dandong", 3000L, 2500L, new BigDecimal("270000"),
                new BigDecimal("480000"), "KRW", new BigDecimal("245.5"), "", "", 5));
        labor.add(new LaborRecord(YearMonth.parse("2014-08"), "dandong", 8000L, null, null, null, null, null,
                "", "", 6));
        return labor;
    }

    public static QuarterIndicators indicators() {
        return new QuarterIndicators(PERIOD, List.of(
                ind(Dataset.GRAIN, "all", QUANTITY_T, "54893"),
                ind(Dataset.GRAIN, "all", VALUE_USD, "10500000"),
                ind(Dataset.GRAIN, "all", QOQ_PCT, "103.3070"),
                ind(Dataset.GRAIN, "all", YOY_PCT, "-12.5"),
                ind(Dataset.GRAIN, "all", MONTHS_REPORTED, "3"),
                ind(Dataset.GRAIN, "all", ZERO_MONTHS, "0.00000"),
                ind(Dataset.GRAIN, "flour", QUANTITY_T, "26000"),
                ind(Dataset.GRAIN, "flour", SHARE_PCT, "46.6"),
                ind(Dataset.GRAIN, "flour", UNIT_VALUE_USD_PER_T, "12.34567"),
                ind(Dataset.GRAIN, "rice", QUANTITY_T, "22893"),
                ind(Dataset.GRAIN, "rice", TRAILING_4Q_QUANTITY_T, "1E+2"),
                ind(Dataset.GRAIN, "rice", UNIT_VALUE_USD_PER_T, null),
                ind(Dataset.GRAIN, KOREAN, QUANTITY_T, "1000"),
                ind(Dataset.GRAIN, KOREAN, QOQ_PCT, null),
                ind(Dataset.LABOR, "all", WORKERS_ENTERING, "11000"),
                ind(Dataset.LABOR, "all", WAGE_USD, "245.5"),
                ind(Dataset.LABOR, "dandong", WORKERS_ENTERING, "11000"),
                ind(Dataset.OIL, "all", QUANTITY_T, "1500.5"),
                ind(Dataset.OIL, "crude_oil", ZERO_STREAK_MONTHS, "15")),
                List.of("fertilizer: 2 of 3 months reported"));
    }

    static List<RowProblem> problems() {
        return List.of(
                new RowProblem("grain.xlsx", "grain", 12, "quantity_t", Severity.ERROR, "negative number", "-5"),
                new RowProblem("grain.xlsx", "grain", 14, "commodity", Severity.WARNING,
                        "unknown category, kept as " + KOREAN, KOREAN),
                new RowProblem("oil.xlsx", "oil", 7, "month", Severity.ERROR, "not a month", INJECTION),
                new RowProblem("oil.xlsx", "oil", 9, "note", Severity.WARNING, "duplicate row", "a,b\nc"),
                new RowProblem("labor.xlsx", "", 0, "", Severity.ERROR, "workbook is encrypted", ""));
    }

    static List<InputSummary> inputs() {
        return List.of(new InputSummary(Dataset.GRAIN, "grain.xlsx", "grain", "ab12", 14, 12, 1, 1),
                new InputSummary(Dataset.OIL, "oil.xlsx", "oil", "cd34", 9, 7, 1, 1));
    }

    private static TradeRecord trade(String month, String category, String tonnes, String usd) {
        return new TradeRecord(YearMonth.parse(month), category, new BigDecimal(tonnes),
                usd == null ? null : new BigDecimal(usd), "", "", 1);
    }

    private static Indicator ind(Dataset dataset, String category, IndicatorName name, String value) {
        return new Indicator(dataset, category, name, value == null ? null : new BigDecimal(value));
    }
}
