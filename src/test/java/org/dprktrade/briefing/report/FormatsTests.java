package org.dprktrade.briefing.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.dprktrade.briefing.indicators.IndicatorName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FormatsTests {

    private Locale saved;

    @BeforeEach
    void germanMachine() {
        // A machine whose locale writes 54.893,5 must still produce English figures.
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @Nested
    class Plain {

        @Test
        void roundsToFourPlacesHalfUpWithoutExponentOrTrailingZeros() {
            assertThat(Formats.plain(new BigDecimal("12.34567"))).isEqualTo("12.3457");
            assertThat(Formats.plain(new BigDecimal("12.34565"))).isEqualTo("12.3457");
            assertThat(Formats.plain(new BigDecimal("1E+2"))).isEqualTo("100");
            assertThat(Formats.plain(new BigDecimal("100.000"))).isEqualTo("100");
            assertThat(Formats.plain(new BigDecimal("0.0000"))).isEqualTo("0");
            assertThat(Formats.plain(new BigDecimal("-12.5"))).isEqualTo("-12.5");
            assertThat(Formats.plain(new BigDecimal("0.5"))).isEqualTo("0.5");
        }

        @Test
        void isEmptyForUndefined() {
            assertThat(Formats.plain(null)).isEmpty();
        }
    }

    @Nested
    class Display {

        @Test
        void usesThousandsSeparatorsAndUnitsByIndicator() {
            assertThat(Formats.display(new BigDecimal("54893"), IndicatorName.QUANTITY_T)).isEqualTo("54,893");
            assertThat(Formats.display(new BigDecimal("1500.5"), IndicatorName.QUANTITY_T)).isEqualTo("1,501");
            assertThat(Formats.display(new BigDecimal("46.6"), IndicatorName.SHARE_PCT)).isEqualTo("46.6%");
            assertThat(Formats.display(new BigDecimal("-12.45"), IndicatorName.YOY_PCT)).isEqualTo("-12.5%");
            assertThat(Formats.display(new BigDecimal("1234.567"), IndicatorName.UNIT_VALUE_USD_PER_T))
                    .isEqualTo("1,234.57");
        }

        @Test
        void showsUndefinedAsNotAvailable() {
            assertThat(Formats.display(null, IndicatorName.QOQ_PCT)).isEqualTo("n/a");
        }
    }

    @Nested
    class Excel {

        @Test
        void storesPercentagesAsFractions() {
            assertThat(Formats.excelValue(new BigDecimal("46.6"), IndicatorName.SHARE_PCT)).isEqualTo(0.466);
            assertThat(Formats.excelFormat(IndicatorName.SHARE_PCT)).isEqualTo("0.0%");
            assertThat(Formats.excelValue(new BigDecimal("54893"), IndicatorName.QUANTITY_T)).isEqualTo(54893.0);
            assertThat(Formats.excelFormat(IndicatorName.WORKERS_ENTERING)).isEqualTo("#,##0");
        }
    }

    @Nested
    class CellText {

        @Test
        void dropsControlCharactersButKeepsTabsAndLineBreaks() {
            assertThat(Formats.cellText("a\u0000b\u0007c\td\ne\u001Ff")).isEqualTo("abc\td\nef");
        }

        @Test
        void cutsToTheCellLimitWithAnEllipsis() {
            String cut = Formats.cellText("x".repeat(40_000));

            assertThat(cut).hasSize(Formats.MAX_CELL_CHARS).endsWith("x…");
        }
    }

    @Test
    void signsChangesAsRoundedAndNeverShowsMinusZero() {
        assertThat(Formats.signed(new BigDecimal("125.36"), 1)).isEqualTo("+125.4");
        assertThat(Formats.signed(new BigDecimal("-64.55"), 1)).isEqualTo("-64.6"); // half up, away from zero
        assertThat(Formats.signed(new BigDecimal("-0.04"), 1)).isEqualTo("0.0");
        assertThat(Formats.signed(new BigDecimal("3521.2"), 1)).isEqualTo("+3,521.2");
        assertThat(Formats.signed(null, 1)).isEqualTo("n/a");
        assertThat(Formats.roundedSign(new BigDecimal("0.05"), 1)).isEqualTo(1);
        assertThat(Formats.roundedSign(new BigDecimal("0.04"), 1)).isZero();
    }
}
