package org.dprktrade.briefing.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.dprktrade.briefing.indicators.Fixtures.labor;
import static org.dprktrade.briefing.indicators.Fixtures.trade;
import static org.dprktrade.briefing.ingest.Dataset.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dprktrade.briefing.aggregate.LaborFigures;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.period.Quarter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KeyDevelopmentsTests {

    private static final Quarter Q3_2014 = Quarter.parse("2014-Q3");

    /**
     * Movements of 2014-Q3, by hand (weight = |change %|):
     * <ul>
     * <li>kerosene YTD: 12,000 + 500 + 500 = 13,000 against 359 + 0 + 0 = 359: +3,521.17 %</li>
     * <li>crude oil: 50,000 t in Dec 2013, 0 t Jan–Sep 2014: 9 zero months (weighed as 100)</li>
     * <li>grain on the quarter: 54,893 against 31,013: +76.99997 %; flour 25,580 / 54,893 = 46.59975 %
     *     the largest share (rice 23,220 = 42.3 %, corn 4,886, other 1,207)</li>
     * <li>fertilizer on a year earlier: 35,337 against 63,639: −44.4727 %</li>
     * <li>oil YTD: 22,000 + 10,500 + 10,500 = 43,000 against 10,359 + 10,000 + 10,000 = 30,359: +41.638 %</li>
     * <li>fertilizer YTD: 115,337 against 183,639: −37.1936 %</li>
     * <li>labor entering: 600 against 450: +33.33 %</li>
     * <li>fertilizer on the quarter: 35,337 against 40,000: −11.6575 %</li>
     * </ul>
     * Below the default 10 %: oil on the quarter (10,500 against 10,500: 0 %) and on a year earlier
     * (10,500 against 10,000: +5 %), diesel YTD (0 %). Undefined, so never written: grain on a year
     * earlier and grain YTD (no 2013 rows; the grain data start in April 2014, after the YTD span starts).
     * Oil data start in January 2013 (diesel), so the 2013 year-to-date spans are whole.
     */
    private static Map<Dataset, TradeFigures> figures() {
        TradeFigures grain = trade(GRAIN)
                .row("2014-04", "flour", "31013")
                .row("2014-07", "flour", "10000").row("2014-08", "flour", "10000").row("2014-09", "flour", "5580")
                .row("2014-07", "rice", "9559").row("2014-08", "rice", "10000").row("2014-09", "rice", "3661")
                .row("2014-08", "corn", "4886")
                .row("2014-08", "other", "331").row("2014-09", "other", "876")
                .build();
        TradeFigures fertilizer = trade(FERTILIZER)
                .row("2013-01", "urea", "60000").row("2013-04", "urea", "60000").row("2013-07", "urea", "63639")
                .row("2014-01", "urea", "40000").row("2014-04", "urea", "40000").row("2014-07", "urea", "35337")
                .build();
        TradeFigures oil = trade(OIL)
                .row("2013-12", "crude_oil", "50000").rows("2014-01", "2014-09", "crude_oil", "0")
                .row("2013-03", "kerosene", "359").row("2013-05", "kerosene", "0").row("2013-08", "kerosene", "0")
                .row("2014-03", "kerosene", "12000").row("2014-05", "kerosene", "500")
                .row("2014-08", "kerosene", "500")
                .row("2013-01", "diesel", "10000").row("2013-05", "diesel", "10000").row("2013-08", "diesel", "10000")
                .row("2014-02", "diesel", "10000").row("2014-05", "diesel", "10000").row("2014-08", "diesel", "10000")
                .build();
        return Map.of(GRAIN, grain, FERTILIZER, fertilizer, OIL, oil);
    }

    /** dandong: 450 entering in Aug 2013; Aug 2014 600 entering, wage US$240 at half the local wage; 2,500 employed in Sep. */
    private static LaborFigures laborFigures() {
        return labor()
                .entering("2013-08", "dandong", 450).entering("2014-08", "dandong", 600)
                .wage("2014-08", "dandong", "1500", "3000", "240")
                .employed("2014-09", "dandong", 2500)
                .build();
    }

    private static List<String> sentences(KeyDevelopmentThresholds thresholds) {
        Map<Dataset, TradeFigures> trade = figures();
        QuarterIndicators qi = IndicatorCalculator.compute(Q3_2014, trade, laborFigures(), LocalDate.of(2015, 1, 1));
        return KeyDevelopments.sentences(qi, trade, thresholds);
    }

    @Nested
    class Ranking {

        private Locale before;

        @BeforeEach
        void foreignDefaultLocale() {
            // The sentences are English whatever the machine's locale: a German default must not leak in.
            before = Locale.getDefault();
            Locale.setDefault(Locale.GERMANY);
        }

        @AfterEach
        void restoreLocale() {
            Locale.setDefault(before);
        }

        /**
         * One sentence per subject, ranked: kerosene's year so far (+3,521.2 %); oil, whose crude stopped
         * (weighed 100; its own change is the year so far, +41.6 %, with +5.0 % on a year earlier beside
         * it); grain on the quarter (+77.0 %, no year-earlier base); fertilizer on a year earlier (−44.5 %,
         * the quarter's −11.7 % and the year so far −37.2 % beside it, not more bullets); the workers (+33.3 %). Fertilizer (one
         * month a quarter) and labor (Aug and Sep) say their quarters are incomplete.
         */
        @Test
        void oneSentencePerSubjectRankedByHowFarItMoved() {
            assertThat(sentences(KeyDevelopmentThresholds.DEFAULTS)).containsExactly(
                    "Jet fuel imports reached 13,000 t so far this year against 359 t a year earlier "
                            + "(+3,521.2 %).",
                    "Oil imports rose 41.6 % so far this year to 43,000 t (+5.0 % on a year earlier); no crude oil "
                            + "was recorded for the 9th consecutive month.",
                    "Grain imports rose 77.0 % on the quarter to 54,893 t; wheat flour was 46.6 % of the tonnage.",
                    "Fertilizer imports (1 of 3 months reported) fell 44.5 % on a year earlier to 35,337 t (\u221211.7 % on "
                            + "the quarter, \u221237.2 % so far this year).",
                    "Workers entering China (2 of 3 months reported) rose 33.3 % on a year earlier to 600; wages averaged US$240 a month, "
                            + "50.0 % of a local worker's wage; 2,500 DPRK workers were employed at the locations "
                            + "reported.");
        }

        @Test
        void neverTwoSentencesOnOneSubject() {
            List<String> sentences = sentences(new KeyDevelopmentThresholds(BigDecimal.ONE, 1, 20));
            assertThat(sentences.stream().map(s -> s.substring(0, s.indexOf(" imports") < 0 ? 10
                    : s.indexOf(" imports")))).doesNotHaveDuplicates();
            assertThat(sentences).filteredOn(s -> s.startsWith("Fertilizer")).hasSize(1);
        }

        @Test
        void stopAtTheMaximum() {
            assertThat(sentences(new KeyDevelopmentThresholds(BigDecimal.TEN, 3, 2))).containsExactly(
                    "Jet fuel imports reached 13,000 t so far this year against 359 t a year earlier "
                            + "(+3,521.2 %).",
                    "Oil imports rose 41.6 % so far this year to 43,000 t (+5.0 % on a year earlier); no crude oil "
                            + "was recorded for the 9th consecutive month.");
        }
    }

    @Nested
    class Thresholds {

        @Test
        void smallerChangesAreStatedAsLevelsWithTheirChangesInBrackets() {
            // Only kerosene, crude's stop and grain pass 50 %; fertilizer's level fills the fourth place.
            assertThat(sentences(new KeyDevelopmentThresholds(BigDecimal.valueOf(50), 3, 8))).containsExactly(
                    "Jet fuel imports reached 13,000 t so far this year against 359 t a year earlier "
                            + "(+3,521.2 %).",
                    "Oil imports were 10,500 t in the quarter (+5.0 % on a year earlier, +41.6 % so far this year); "
                            + "diesel was 95.2 % of the tonnage; no crude oil was recorded for the 9th consecutive "
                            + "month.",
                    "Grain imports rose 77.0 % on the quarter to 54,893 t; wheat flour was 46.6 % of the tonnage.",
                    "Fertilizer imports (1 of 3 months reported) were 35,337 t in the quarter (\u221244.5 % on a year earlier, \u221237.2 % so far "
                            + "this year).");
        }

        @Test
        void withNoMovementTheLevelsAreStated() {
            assertThat(sentences(new KeyDevelopmentThresholds(BigDecimal.valueOf(5000), 12, 8))).containsExactly(
                    "Grain imports were 54,893 t in the quarter; wheat flour was 46.6 % of the tonnage.",
                    "Fertilizer imports (1 of 3 months reported) were 35,337 t in the quarter (\u221244.5 % on a year earlier, \u221237.2 % so far "
                            + "this year).",
                    "Workers entering China (2 of 3 months reported) numbered 600 in the quarter (+33.3 % on a year "
                            + "earlier); wages averaged US$240 a month, 50.0 % of a local worker's wage; 2,500 DPRK "
                            + "workers were employed at the locations reported.",
                    "Oil imports were 10,500 t in the quarter (+5.0 % on a year earlier, +41.6 % so far this year); "
                            + "diesel was 95.2 % of the tonnage.");
        }

        @Test
        void aShorterZeroRunThanTheMinimumIsNotMentioned() {
            assertThat(sentences(new KeyDevelopmentThresholds(BigDecimal.TEN, 10, 8)))
                    .noneMatch(s -> s.contains("crude oil"))
                    .hasSize(5);
        }

        @Test
        void refuseNonsense() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new KeyDevelopmentThresholds(BigDecimal.valueOf(-1), 3, 8));
            assertThatIllegalArgumentException().isThrownBy(() -> new KeyDevelopmentThresholds(BigDecimal.TEN, 0, 8));
            assertThatIllegalArgumentException().isThrownBy(() -> new KeyDevelopmentThresholds(BigDecimal.TEN, 3, 0));
        }
    }

    @Test
    void aWholeDatasetThatStoppedIsOneSentenceNotOnePerCategory() {
        // crude and lubricants 0 t in Jun–Sep 2014 (nothing before): the total is zero for 4 months
        Map<Dataset, TradeFigures> trade = Map.of(OIL, trade(OIL)
                .rows("2014-06", "2014-09", "crude_oil", "0").rows("2014-06", "2014-09", "lubricants", "0").build());
        QuarterIndicators qi = IndicatorCalculator.compute(Q3_2014, trade, null, LocalDate.of(2015, 1, 1));
        assertThat(KeyDevelopments.sentences(qi, trade, KeyDevelopmentThresholds.DEFAULTS)).containsExactly(
                "Oil imports were nil for the 4th consecutive month.");
    }

    @Test
    void anIncompleteQuarterSaysSoInTheSentence() {
        // grain: Jul and Aug 2014 only, 1,000 t; Jul–Sep 2013 3 × 1,000 t: −66.7 % on a year earlier
        Map<Dataset, TradeFigures> trade = Map.of(GRAIN, trade(GRAIN)
                .rows("2013-07", "2013-09", "rice", "1000").row("2014-07", "rice", "500").row("2014-08", "rice", "500")
                .build());
        QuarterIndicators qi = IndicatorCalculator.compute(Q3_2014, trade, null, LocalDate.of(2015, 1, 1));
        assertThat(KeyDevelopments.sentences(qi, trade, KeyDevelopmentThresholds.DEFAULTS)).containsExactly(
                "Grain imports (2 of 3 months reported) fell 66.7 % on a year earlier to 1,000 t.");
    }

    @Test
    void laborIsCoveredWhenWorkersEnteringFell() {
        // 9,000 entering in 2014-Q3 against 17,640 a year earlier: −49.0 %
        LaborFigures labor = labor().entering("2013-07", "dandong", 17_640).entering("2014-07", "dandong", 9_000)
                .build();
        QuarterIndicators qi = IndicatorCalculator.compute(Q3_2014, Map.of(), labor, LocalDate.of(2015, 1, 1));
        assertThat(KeyDevelopments.sentences(qi, Map.of(), KeyDevelopmentThresholds.DEFAULTS)).containsExactly(
                "Workers entering China (1 of 3 months reported) fell 49.0 % on a year earlier to 9,000.");
    }

    @Test
    void ordinalsInEnglish() {
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112))
                .map(KeyDevelopments::ordinal)
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd",
                        "101st", "111th", "112th");
    }

    @Test
    void namesKeepTheirCaseInASentenceOnlyWhereTheyAreNotPlainWords() {
        assertThat(List.of("Crude oil", "LPG", "Jet fuel", "珲春", "Sunchon (Rungra 88)", "x"))
                .map(KeyDevelopments::inSentence)
                .containsExactly("crude oil", "LPG", "jet fuel", "珲春", "sunchon (Rungra 88)", "x");
    }

    @Test
    void categoriesAreCalledByTheirDisplayNameOrTheRawNameOfTheInputsNeverTheSlug() {
        // 평양 rice: 100 t a month in Jan–Sep 2013, 300 t in 2014: 2,700 t against 900 t so far this year, +200 %
        Map<Dataset, TradeFigures> trade = Map.of(GRAIN, trade(GRAIN)
                .rows("2013-01", "2013-09", "rice_평양", "100").rows("2013-01", "2013-09", "corn", "100")
                .rows("2014-01", "2014-09", "rice_평양", "300").rows("2014-01", "2014-09", "corn", "100").build());
        QuarterIndicators qi = IndicatorCalculator.compute(Q3_2014, trade, null, LocalDate.of(2015, 1, 1));
        List<String> sentences = KeyDevelopments.sentences(qi, trade, KeyDevelopmentThresholds.DEFAULTS,
                (dataset, slug) -> dataset.nameOf(slug, Map.of("rice_평양", "Rice (평양)")));
        assertThat(sentences).contains("Rice (평양) imports reached 2,700 t so far this year against 900 t a year "
                + "earlier (+200.0 %).");
        assertThat(String.join(" ", sentences)).doesNotContain("rice_평양");
    }
}
