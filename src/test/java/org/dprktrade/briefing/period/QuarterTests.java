package org.dprktrade.briefing.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuarterTests {

    @Nested
    class Parsing {

        @ParameterizedTest
        @ValueSource(strings = {"2014-Q3", "2014q3", "2014Q3", " 2014-q3 "})
        void acceptsTheSpecsForms(String text) {
            assertThat(Quarter.parse(text)).isEqualTo(new Quarter(2014, 3));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2014-Q5", "2014-Q0", "14-Q3", "2014-3", "Q3 2014", "", "2014-Q", "2014--Q3", "20144-Q1"})
        void rejectsAnythingElseNamingTheText(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> Quarter.parse(text))
                    .withMessageContaining("'" + text.trim() + "' is not a quarter");
        }

        @Test
        void writesTheCanonicalForm() {
            assertThat(Quarter.parse("2014q3")).hasToString("2014-Q3");
        }
    }

    @Nested
    class Arithmetic {

        @Test
        void monthsAreTheQuartersThreeInOrder() {
            assertThat(new Quarter(2014, 3).months())
                    .containsExactly(YearMonth.of(2014, 7), YearMonth.of(2014, 8), YearMonth.of(2014, 9));
        }

        @Test
        void previousCrossesTheYear() {
            assertThat(new Quarter(2014, 1).previous()).isEqualTo(new Quarter(2013, 4));
            assertThat(new Quarter(2013, 4).next()).isEqualTo(new Quarter(2014, 1));
            assertThat(new Quarter(2014, 3).plusQuarters(-7)).isEqualTo(new Quarter(2012, 4));
            assertThat(new Quarter(2014, 3).yearEarlier()).isEqualTo(new Quarter(2013, 3));
        }

        @Test
        void monthMapsToItsQuarter() {
            assertThat(Quarter.of(YearMonth.of(2014, 9))).isEqualTo(new Quarter(2014, 3));
            assertThat(Quarter.of(YearMonth.of(2014, 10))).isEqualTo(new Quarter(2014, 4));
        }

        @Test
        void hasEndedOnlyFromTheFirstDayAfterIt() {
            Quarter q3 = new Quarter(2014, 3);
            assertThat(q3.hasEndedBy(LocalDate.of(2014, 9, 30))).isFalse();
            assertThat(q3.hasEndedBy(LocalDate.of(2014, 10, 1))).isTrue();
        }
    }

    @Nested
    class Ranges {

        @Test
        void runsFromFirstToLastInclusive() {
            assertThat(new QuarterRange(Quarter.parse("2013-Q3"), Quarter.parse("2014-Q2")).quarters())
                    .extracting(Quarter::toString).containsExactly("2013-Q3", "2013-Q4", "2014-Q1", "2014-Q2");
        }

        @Test
        void refusesAToBeforeTheFrom() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new QuarterRange(Quarter.parse("2014-Q3"), Quarter.parse("2014-Q1")))
                    .withMessage("--to 2014-Q1 is before --from 2014-Q3");
        }
    }
}
