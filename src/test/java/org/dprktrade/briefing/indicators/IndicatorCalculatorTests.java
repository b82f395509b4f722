package org.dprktrade.briefing.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.dprktrade.briefing.indicators.Fixtures.labor;
import static org.dprktrade.briefing.indicators.Fixtures.trade;
import static org.dprktrade.briefing.indicators.IndicatorName.*;
import static org.dprktrade.briefing.ingest.Dataset.*;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import org.dprktrade.briefing.aggregate.LaborFigures;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.period.Quarter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IndicatorCalculatorTests {

    private static final Quarter Q3_2014 = Quarter.parse("2014-Q3");
    private static final LocalDate LONG_AFTER = LocalDate.of(2015, 3, 1);

    /**
     * flour: 100 t in every month of 2013 and of 2014-Q1; 2014-Q2 200 + 200 + 100 = 500;
     * 2014-Q3 Jul 300 t for US$150,000, Aug 300 t with no value, Sep 400 t for US$200,000 = 1,000.
     * rice: only 2014-Q3, Jul 600 t for US$240,000, Aug 400 t, Sep 0 t = 1,000.
     * corn: one row in January 2012, nothing since.
     * Monthly totals: 2014-Q3 Jul 900, Aug 700, Sep 400 = 2,000.
     */
    static TradeFigures grain() {
        return trade(GRAIN)
                .rows("2013-01", "2014-03", "flour", "100")
                .row("2014-04", "flour", "200").row("2014-05", "flour", "200").row("2014-06", "flour", "100")
                .row("2014-07", "flour", "300", "150000").row("2014-08", "flour", "300")
                .row("2014-09", "flour", "400", "200000")
                .row("2014-07", "rice", "600", "240000").row("2014-08", "rice", "400").row("2014-09", "rice", "0")
                .row("2012-01", "corn", "50")
                .build();
    }

    /**
     * crude_oil: 1,000 t in Sep 2013, then 0 t every month Oct 2013 – Nov 2014, no row for Dec 2014.
     * lubricants: 0 t in Apr 2014, no row for May, 0 t every month Jun – Dec 2014.
     */
    static TradeFigures oil() {
        return trade(OIL)
                .row("2013-09", "crude_oil", "1000")
                .rows("2013-10", "2014-11", "crude_oil", "0")
                .row("2014-04", "lubricants", "0")
                .rows("2014-06", "2014-12", "lubricants", "0")
                .build();
    }

    private static QuarterIndicators compute(Quarter period, TradeFigures... figures) {
        Map<Dataset, TradeFigures> byDataset = new java.util.LinkedHashMap<>();
        Arrays.stream(figures).forEach(f -> byDataset.put(f.dataset(), f));
        return IndicatorCalculator.compute(period, byDataset, null, LONG_AFTER);
    }

    /** Asserts the indicator is there and has the value, {@code null} meaning undefined. */
    private static void expect(QuarterIndicators qi, Dataset dataset, String category, IndicatorName name,
                               String expected) {
        Indicator indicator = qi.find(dataset, category, name)
                .orElseThrow(() -> new AssertionError(dataset + "/" + category + "/" + name + " is missing"));
        if (expected == null) {
            assertThat(indicator.value()).as(dataset + "/" + category + "/" + name).isNull();
        } else {
            assertThat(indicator.value()).as(dataset + "/" + category + "/" + name).isEqualByComparingTo(expected);
        }
    }

    @Nested
    class TradeIndicators {

        private final QuarterIndicators qi = compute(Q3_2014, grain());

        @Test
        void everyIndicatorOfACategory() {
            expect(qi, GRAIN, "flour", QUANTITY_T, "1000");                // 300 + 300 + 400
            expect(qi, GRAIN, "flour", VALUE_USD, "350000");               // 150,000 + 200,000; Aug has none
            expect(qi, GRAIN, "flour", QOQ_PCT, "100");                    // (1000 − 500) / 500 × 100
            expect(qi, GRAIN, "flour", YOY_PCT, "233.3333333333333");      // (1000 − 300) / 300 × 100, 16 digits
            expect(qi, GRAIN, "flour", YTD_QUANTITY_T, "1800");            // 300 + 500 + 1000
            expect(qi, GRAIN, "flour", YTD_YOY_PCT, "100");                // (1800 − 900) / 900 × 100
            expect(qi, GRAIN, "flour", SHARE_PCT, "50");                   // 1000 / 2000 × 100
            expect(qi, GRAIN, "flour", UNIT_VALUE_USD_PER_T, "500");       // 350,000 / (300 + 400), not / 1000
            expect(qi, GRAIN, "flour", MONTHS_REPORTED, "3");
            expect(qi, GRAIN, "flour", ZERO_MONTHS, "0");
            expect(qi, GRAIN, "flour", ZERO_STREAK_MONTHS, "0");
            expect(qi, GRAIN, "flour", TRAILING_4Q_QUANTITY_T, "2100");    // 300 + 300 + 500 + 1000
        }

        @Test
        void everyIndicatorOfTheDatasetTotal() {
            expect(qi, GRAIN, "all", QUANTITY_T, "2000");                  // 900 + 700 + 400
            expect(qi, GRAIN, "all", VALUE_USD, "590000");                 // 150,000 + 200,000 + 240,000
            expect(qi, GRAIN, "all", QOQ_PCT, "300");                      // (2000 − 500) / 500 × 100
            expect(qi, GRAIN, "all", YOY_PCT, "566.6666666666667");        // (2000 − 300) / 300 × 100
            expect(qi, GRAIN, "all", YTD_QUANTITY_T, "2800");              // 300 + 500 + 2000
            expect(qi, GRAIN, "all", YTD_YOY_PCT, "211.1111111111111");    // (2800 − 900) / 900 × 100
            expect(qi, GRAIN, "all", UNIT_VALUE_USD_PER_T, "453.8461538461538"); // 590,000 / 1,300
            expect(qi, GRAIN, "all", MONTHS_REPORTED, "3");
            expect(qi, GRAIN, "all", ZERO_MONTHS, "0");                    // rice's zero September is not the total's
            expect(qi, GRAIN, "all", ZERO_STREAK_MONTHS, "0");
            expect(qi, GRAIN, "all", TRAILING_4Q_QUANTITY_T, "3100");      // 300 + 300 + 500 + 2000
            assertThat(qi.find(GRAIN, "all", SHARE_PCT)).isEmpty();
        }

        @Test
        void unitValueCountsOnlyValuedRowsAndRowsWithoutValueDoNotDilute() {
            // rice: 240,000 / 600 (July is the only valued row); over all 1,000 t it would be 240
            expect(qi, GRAIN, "rice", UNIT_VALUE_USD_PER_T, "400");
            expect(qi, GRAIN, "rice", VALUE_USD, "240000");
        }

        @Test
        void valueAndUnitValueAreUndefinedWhenNoRowHasAValue() {
            QuarterIndicators q2 = compute(Quarter.parse("2014-Q2"), grain());
            expect(q2, GRAIN, "flour", VALUE_USD, null);
            expect(q2, GRAIN, "flour", UNIT_VALUE_USD_PER_T, null);
        }

        @Test
        void percentagesOnAMissingBaseAreUndefined() {
            // rice has no row before 2014-Q3: no previous quarter, no year earlier to compare with
            expect(qi, GRAIN, "rice", QUANTITY_T, "1000");
            expect(qi, GRAIN, "rice", QOQ_PCT, null);
            expect(qi, GRAIN, "rice", YOY_PCT, null);
            expect(qi, GRAIN, "rice", YTD_YOY_PCT, null);
            expect(qi, GRAIN, "rice", YTD_VALUE_YOY_PCT, null);
            expect(qi, GRAIN, "rice", SHARE_PCT, "50");                    // 1000 / 2000 × 100
        }

        @Test
        void percentagesOnAZeroBaseAreUndefinedNeverInfiniteOrZero() {
            // urea: 0 t in Jan 2013 and Oct 2013, 50 t in Jan 2014
            TradeFigures fertilizer = trade(FERTILIZER)
                    .row("2013-01", "urea", "0").row("2013-10", "urea", "0").row("2014-01", "urea", "50").build();
            QuarterIndicators q1 = compute(Quarter.parse("2014-Q1"), fertilizer);
            expect(q1, FERTILIZER, "urea", QUANTITY_T, "50");
            expect(q1, FERTILIZER, "urea", QOQ_PCT, null);                 // 2013-Q4 was 0 t
            expect(q1, FERTILIZER, "urea", YOY_PCT, null);                 // 2013-Q1 was 0 t
            expect(q1, FERTILIZER, "urea", YTD_QUANTITY_T, "50");
            expect(q1, FERTILIZER, "urea", YTD_YOY_PCT, null);             // Jan–Mar 2013 was 0 t
        }

        @Test
        void aCategoryWithNoMonthInTheQuarterIsListedWithUndefinedFigures() {
            expect(qi, GRAIN, "corn", QUANTITY_T, null);
            expect(qi, GRAIN, "corn", SHARE_PCT, null);
            expect(qi, GRAIN, "corn", MONTHS_REPORTED, "0");
            expect(qi, GRAIN, "corn", ZERO_MONTHS, "0");
            expect(qi, GRAIN, "corn", ZERO_STREAK_MONTHS, "0");
        }

        @Test
        void comeInOutputOrder() {
            assertThat(qi.categoriesOf(GRAIN)).containsExactly("all", "corn", "flour", "rice");
            assertThat(qi.of(GRAIN).stream().filter(i -> i.category().equals("flour")).map(Indicator::name))
                    .containsExactly(QUANTITY_T, VALUE_USD, QOQ_PCT, YOY_PCT, YTD_QUANTITY_T, YTD_YOY_PCT,
                            SHARE_PCT, UNIT_VALUE_USD_PER_T, MONTHS_REPORTED, ZERO_MONTHS, ZERO_STREAK_MONTHS,
                            TRAILING_4Q_QUANTITY_T, YTD_VALUE_USD, YTD_VALUE_YOY_PCT);
            assertThat(qi.of(GRAIN)).hasSize(14 * 4 - 1); // all has no share
            assertThat(qi.indicators()).allMatch(i -> i.dataset() == GRAIN);
        }

        @Test
        void refusesFiguresFiledUnderAnotherDataset() {
            assertThatIllegalArgumentException().isThrownBy(() ->
                    IndicatorCalculator.compute(Q3_2014, Map.of(OIL, grain()), null, LONG_AFTER))
                    .withMessage("figures of grain were given as oil");
        }
    }

    @Nested
    class YearToDate {

        @Test
        void inTheFirstQuarterIsTheQuarterItself() {
            QuarterIndicators q1 = compute(Quarter.parse("2014-Q1"), grain());
            expect(q1, GRAIN, "flour", YTD_QUANTITY_T, "300");             // Jan–Mar 2014: 3 × 100
            expect(q1, GRAIN, "flour", YTD_YOY_PCT, "0");                  // against 300 in Jan–Mar 2013: a real 0
        }

        @Test
        void inTheFourthQuarterIsTheWholeYear() {
            QuarterIndicators q4 = compute(Quarter.parse("2013-Q4"), grain());
            expect(q4, GRAIN, "flour", YTD_QUANTITY_T, "1200");            // 12 × 100
            expect(q4, GRAIN, "all", YTD_QUANTITY_T, "1200");
            // 2012 holds corn's 50 t in January only; the data start in January 2012, so the span is whole
            expect(q4, GRAIN, "all", YTD_YOY_PCT, "2300");                 // (1200 − 50) / 50 × 100
            expect(q4, GRAIN, "flour", YTD_YOY_PCT, null);                 // flour had no month in 2012
        }
    }

    @Nested
    class SumsOverSeveralQuarters {

        /**
         * urea: 100 t every month from January 2013 to September 2014, US$30,000 a month in 2014 only;
         * potash: first seen in August 2014, 100 t for US$40,000.
         */
        private final TradeFigures fertilizer = trade(FERTILIZER)
                .rows("2013-01", "2013-12", "urea", "100")
                .row("2014-01", "urea", "100", "30000").row("2014-02", "urea", "100", "30000")
                .row("2014-03", "urea", "100", "30000").row("2014-04", "urea", "100", "30000")
                .row("2014-05", "urea", "100", "30000").row("2014-06", "urea", "100", "30000")
                .row("2014-07", "urea", "100", "30000").row("2014-08", "urea", "100", "30000")
                .row("2014-09", "urea", "100", "30000")
                .row("2014-08", "potash", "100", "40000")
                .build();

        @Test
        void aCategoryFirstSeenMidYearHasItsOwnFigureAsYearToDateAndTrailing() {
            QuarterIndicators qi = compute(Q3_2014, fertilizer);
            expect(qi, FERTILIZER, "potash", QUANTITY_T, "100");
            expect(qi, FERTILIZER, "potash", YTD_QUANTITY_T, "100");
            expect(qi, FERTILIZER, "potash", TRAILING_4Q_QUANTITY_T, "100");
            expect(qi, FERTILIZER, "potash", YTD_VALUE_USD, "40000");
            expect(qi, FERTILIZER, "potash", YTD_YOY_PCT, null);           // nothing a year earlier
            expect(qi, FERTILIZER, "all", YTD_QUANTITY_T, "1000");         // 9 × 100 + 100
            expect(qi, FERTILIZER, "all", TRAILING_4Q_QUANTITY_T, "1300"); // Oct 2013 – Sep 2014: 12 × 100 + 100
        }

        @Test
        void valueYearToDateAddsTheValuedMonthsAndComparesWithTheSameMonthsAYearEarlier() {
            QuarterIndicators qi = compute(Q3_2014, fertilizer);
            expect(qi, FERTILIZER, "urea", YTD_VALUE_USD, "270000");       // 9 × 30,000
            expect(qi, FERTILIZER, "all", YTD_VALUE_USD, "310000");        // 270,000 + 40,000
            expect(qi, FERTILIZER, "urea", YTD_VALUE_YOY_PCT, null);       // no valued month in 2013
            QuarterIndicators q1 = compute(Quarter.parse("2014-Q1"), fertilizer);
            expect(q1, FERTILIZER, "urea", YTD_VALUE_USD, "90000");
            expect(q1, FERTILIZER, "potash", YTD_VALUE_USD, null);         // no valued month in the span
        }

        @Test
        void valueYearToDateChangeOnTheYear() {
            TradeFigures flour = trade(GRAIN)
                    .row("2013-01", "flour", "10", "1000").row("2013-11", "flour", "10", "9000")
                    .row("2014-01", "flour", "10", "500").row("2014-03", "flour", "10").row("2014-05", "flour", "10", "700")
                    .build();
            QuarterIndicators q2 = compute(Quarter.parse("2014-Q2"), flour);
            expect(q2, GRAIN, "flour", YTD_VALUE_USD, "1200");             // 500 + 700; March has no value
            expect(q2, GRAIN, "flour", YTD_VALUE_YOY_PCT, "20");           // (1200 − 1000) / 1000 × 100
            expect(q2, GRAIN, "flour", YTD_QUANTITY_T, "30");
            expect(q2, GRAIN, "flour", YTD_YOY_PCT, "200");                // (30 − 10) / 10 × 100
        }

        @Test
        void aSpanStartingBeforeTheDatasetsFirstMonthIsUndefined() {
            // The data start in January 2013: the trailing span of 2013-Q3 starts in October 2012
            QuarterIndicators q3 = compute(Quarter.parse("2013-Q3"), fertilizer);
            expect(q3, FERTILIZER, "urea", TRAILING_4Q_QUANTITY_T, null);
            expect(q3, FERTILIZER, "all", TRAILING_4Q_QUANTITY_T, null);
            expect(q3, FERTILIZER, "urea", YTD_QUANTITY_T, "900");         // Jan–Sep 2013 lies within the data
            expect(q3, FERTILIZER, "urea", YTD_YOY_PCT, null);             // 2012 lies before it
            expect(q3, FERTILIZER, "urea", YTD_VALUE_YOY_PCT, null);
        }

        @Test
        void aDatasetStartingAfterJanuaryHasNoYearToDateThatYear() {
            TradeFigures late = trade(GRAIN).row("2014-02", "rice", "100", "1000").row("2014-03", "rice", "100")
                    .row("2014-04", "rice", "100").build();
            QuarterIndicators q1 = compute(Quarter.parse("2014-Q1"), late);
            expect(q1, GRAIN, "rice", QUANTITY_T, "200");
            expect(q1, GRAIN, "rice", YTD_QUANTITY_T, null);               // January is before the data
            expect(q1, GRAIN, "rice", YTD_VALUE_USD, null);
            expect(compute(Quarter.parse("2015-Q1"), late), GRAIN, "rice", YTD_QUANTITY_T, null); // no month in 2015
        }

        @Test
        void theGrainFixturesRiceHasYearToDateAndTrailingFromItsFirstQuarter() {
            QuarterIndicators qi = compute(Q3_2014, grain());
            expect(qi, GRAIN, "rice", YTD_QUANTITY_T, "1000");
            expect(qi, GRAIN, "rice", TRAILING_4Q_QUANTITY_T, "1000");
            expect(qi, GRAIN, "rice", YTD_VALUE_USD, "240000");
            expect(qi, GRAIN, "all", YTD_VALUE_USD, "590000");             // 150,000 + 200,000 + 240,000
        }
    }

    @Nested
    class ZeroShipments {

        @Test
        void streakReachesBackAcrossQuarters() {
            QuarterIndicators qi = compute(Q3_2014, oil());
            // crude: zero from Oct 2013 to Sep 2014 = 3 + 3 + 3 + 3 months
            expect(qi, OIL, "crude_oil", ZERO_STREAK_MONTHS, "12");
            expect(qi, OIL, "crude_oil", ZERO_MONTHS, "3");
            expect(qi, OIL, "crude_oil", QUANTITY_T, "0");                 // zero is a figure, not undefined
            expect(qi, OIL, "crude_oil", QOQ_PCT, null);                   // base 0
            expect(qi, OIL, "crude_oil", YOY_PCT, "-100");                 // (0 − 1000) / 1000 × 100
        }

        @Test
        void anUnreportedMonthEndsTheStreak() {
            QuarterIndicators q3 = compute(Q3_2014, oil());
            // lubricants: zero Jun–Sep; May has no row, so April's zero does not count
            expect(q3, OIL, "lubricants", ZERO_STREAK_MONTHS, "4");
            QuarterIndicators q4 = compute(Quarter.parse("2014-Q4"), oil());
            // crude: December (the quarter's last month) has no row
            expect(q4, OIL, "crude_oil", ZERO_STREAK_MONTHS, "0");
            expect(q4, OIL, "crude_oil", ZERO_MONTHS, "2");
            expect(q4, OIL, "crude_oil", MONTHS_REPORTED, "2");
        }

        @Test
        void datasetTotalCountsMonthsWhoseTotalIsZero() {
            QuarterIndicators q4 = compute(Quarter.parse("2014-Q4"), oil());
            // totals: every month Oct 2013 – Dec 2014 is 0 (Dec has only lubricants' 0 row): 15 months
            expect(q4, OIL, "all", ZERO_STREAK_MONTHS, "15");
            expect(q4, OIL, "all", ZERO_MONTHS, "3");
            expect(q4, OIL, "all", MONTHS_REPORTED, "3");
            expect(q4, OIL, "all", QUANTITY_T, "0");
            // shares of a zero total are undefined
            expect(q4, OIL, "lubricants", SHARE_PCT, null);
        }
    }

    @Nested
    class Labor {

        /**
         * dandong: Jul 2014 2,000 employed, 100 entering, wage 1,000 CNY (US$160) against 2,000 local
         * (ratio 50); Sep 2014 2,500 employed, 200 entering; Aug 2013 250 entering.
         * yanbian: Aug 2014 4,500 employed, 300 entering, wage 1,200 (US$200) against 1,600 (ratio 75),
         * and a second wage 1,500 (US$240) with no local wage; Aug 2013 200 entering.
         * rason: Aug 2014 wage 20,000 with no rate (no USD) against 200,000 local (ratio 10).
         */
        private final LaborFigures figures = labor()
                .employed("2014-07", "dandong", 2000).entering("2014-07", "dandong", 100)
                .wage("2014-07", "dandong", "1000", "2000", "160")
                .employed("2014-09", "dandong", 2500).entering("2014-09", "dandong", 200)
                .entering("2013-08", "dandong", 250)
                .employed("2014-08", "yanbian", 4500).entering("2014-08", "yanbian", 300)
                .wage("2014-08", "yanbian", "1200", "1600", "200")
                .wage("2014-08", "yanbian", "1500", null, "240")
                .entering("2013-08", "yanbian", 200)
                .wage("2014-08", "rason", "20000", "200000", null)
                .build();

        private final QuarterIndicators qi = IndicatorCalculator.compute(Q3_2014, Map.of(), figures, LONG_AFTER);

        @Test
        void workersEmployedTakesEachLocationsLatestMonthThenSums() {
            expect(qi, LABOR, "dandong", WORKERS_EMPLOYED, "2500");        // September, not July, not 4,500
            expect(qi, LABOR, "yanbian", WORKERS_EMPLOYED, "4500");
            expect(qi, LABOR, "rason", WORKERS_EMPLOYED, null);
            expect(qi, LABOR, "all", WORKERS_EMPLOYED, "7000");            // dandong Sep 2,500 + yanbian Aug 4,500
        }

        @Test
        void wageIsTheMeanOverRowsNotOverLocations() {
            expect(qi, LABOR, "dandong", WAGE_USD, "160");
            expect(qi, LABOR, "yanbian", WAGE_USD, "220");                 // (200 + 240) / 2
            expect(qi, LABOR, "rason", WAGE_USD, null);                    // no conversion rate
            expect(qi, LABOR, "all", WAGE_USD, "200");                     // (160 + 200 + 240) / 3, not (160 + 220) / 2
        }

        @Test
        void wageRatioIsTheMeanOfRowRatiosOverRowsWithBothWages() {
            expect(qi, LABOR, "yanbian", WAGE_RATIO_PCT, "75");            // 1,200 / 1,600; the 1,500 row has no local wage
            expect(qi, LABOR, "rason", WAGE_RATIO_PCT, "10");              // 20,000 / 200,000, kept without a rate
            expect(qi, LABOR, "all", WAGE_RATIO_PCT, "45");                // (50 + 75 + 10) / 3
        }

        @Test
        void workersEnteringAndTheirChangeOnAYearEarlier() {
            expect(qi, LABOR, "dandong", WORKERS_ENTERING, "300");         // 100 + 200
            expect(qi, LABOR, "dandong", WORKERS_ENTERING_YOY_PCT, "20");  // (300 − 250) / 250 × 100
            expect(qi, LABOR, "yanbian", WORKERS_ENTERING_YOY_PCT, "50");  // (300 − 200) / 200 × 100
            expect(qi, LABOR, "all", WORKERS_ENTERING, "600");
            expect(qi, LABOR, "all", WORKERS_ENTERING_YOY_PCT, "33.33333333333333"); // (600 − 450) / 450 × 100
            expect(qi, LABOR, "rason", WORKERS_ENTERING, null);
            expect(qi, LABOR, "rason", WORKERS_ENTERING_YOY_PCT, null);
        }

        @Test
        void monthsReportedPerLocationAndForAll() {
            expect(qi, LABOR, "dandong", MONTHS_REPORTED, "2");
            expect(qi, LABOR, "yanbian", MONTHS_REPORTED, "1");
            expect(qi, LABOR, "all", MONTHS_REPORTED, "3");
        }

        @Test
        void comeInOutputOrder() {
            assertThat(qi.categoriesOf(LABOR)).containsExactly("all", "dandong", "rason", "yanbian");
            assertThat(qi.of(LABOR).stream().filter(i -> i.category().equals("all")).map(Indicator::name))
                    .containsExactly(MONTHS_REPORTED, WORKERS_ENTERING, WORKERS_ENTERING_YOY_PCT, WORKERS_EMPLOYED,
                            WAGE_USD, WAGE_RATIO_PCT);
        }
    }

    @Nested
    class Provisional {

        /** Every dataset with a row in each month of 2014-Q3. */
        private final Map<Dataset, TradeFigures> complete = Map.of(
                GRAIN, trade(GRAIN).rows("2014-07", "2014-09", "rice", "1").build(),
                FERTILIZER, trade(FERTILIZER).rows("2014-07", "2014-09", "urea", "1").build(),
                OIL, trade(OIL).rows("2014-07", "2014-09", "diesel", "1").build());
        private final LaborFigures labor = labor()
                .entering("2014-07", "dandong", 1).entering("2014-08", "dandong", 1).entering("2014-09", "yanbian", 1)
                .build();

        @Test
        void aCompleteEndedQuarterIsFinal() {
            // 2014-10-01 is the first day after the quarter
            QuarterIndicators qi = IndicatorCalculator.compute(Q3_2014, complete, labor, LocalDate.of(2014, 10, 1));
            assertThat(qi.provisionalReasons()).isEmpty();
            assertThat(qi.provisional()).isFalse();
        }

        @Test
        void aQuarterNotYetEndedIsProvisional() {
            QuarterIndicators qi = IndicatorCalculator.compute(Q3_2014, complete, labor, LocalDate.of(2014, 9, 30));
            assertThat(qi.provisionalReasons()).containsExactly("2014-Q3 has not ended yet (today 2014-09-30)");
        }

        @Test
        void missingMonthsAndAbsentDatasetsMakeItProvisional() {
            QuarterIndicators qi = IndicatorCalculator.compute(Quarter.parse("2014-Q4"), Map.of(OIL, oil()), null,
                    LocalDate.of(2014, 11, 20));
            assertThat(qi.provisionalReasons()).containsExactly(
                    "grain: 0 of 3 months reported",
                    "fertilizer: 0 of 3 months reported",
                    "labor: 0 of 3 months reported",
                    // oil reports all three months: lubricants in December
                    "2014-Q4 has not ended yet (today 2014-11-20)");
            assertThat(qi.categoriesOf(GRAIN)).isEmpty();
        }

        @Test
        void aDatasetWithFewerThanThreeMonthsIsNamed() {
            // crude oil in October and November only; labor has no row in 2014-Q4
            TradeFigures crudeOnly = trade(OIL).rows("2014-10", "2014-11", "crude_oil", "0").build();
            Map<Dataset, TradeFigures> trade = Map.of(GRAIN, complete.get(GRAIN), FERTILIZER, complete.get(FERTILIZER),
                    OIL, crudeOnly);
            QuarterIndicators qi = IndicatorCalculator.compute(Quarter.parse("2014-Q4"), trade, labor, LONG_AFTER);
            assertThat(qi.provisionalReasons()).containsExactly(
                    "grain: 0 of 3 months reported",
                    "fertilizer: 0 of 3 months reported",
                    "labor: 0 of 3 months reported",
                    "oil: 2 of 3 months reported");
        }
    }
}
