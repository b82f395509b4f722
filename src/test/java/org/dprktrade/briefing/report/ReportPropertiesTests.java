package org.dprktrade.briefing.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.dprktrade.briefing.indicators.KeyDevelopmentThresholds;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binds {@code briefing.report.*} as Spring Boot does, without starting a context. */
class ReportPropertiesTests {

    @Test
    void defaultsToTenPercentThreeMonthsEightSentencesAndEightQuarters() {
        ReportProperties p = bind(Map.of());
        assertThat(p.keyDevelopments().thresholds()).isEqualTo(KeyDevelopmentThresholds.DEFAULTS);
        assertThat(p.chartQuarters()).isEqualTo(8);
        assertThat(ReportProperties.defaults()).isEqualTo(p);
    }

    @Test
    void bindsKebabCaseKeysIntoTheThresholds() {
        ReportProperties p = bind(Map.of("briefing.report.key-developments.min-change-pct", "25.5",
                "briefing.report.key-developments.min-zero-streak-months", "6",
                "briefing.report.key-developments.max-sentences", "5",
                "briefing.report.chart-quarters", "12"));
        assertThat(p.keyDevelopments().thresholds())
                .isEqualTo(new KeyDevelopmentThresholds(new BigDecimal("25.5"), 6, 5));
        assertThat(p.chartQuarters()).isEqualTo(12);
    }

    @Test
    void refusesValuesThatMakeNoSense() {
        assertThatThrownBy(() -> bind(Map.of("briefing.report.key-developments.max-sentences", "0")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("maxSentences must be at least 1");
        assertThatThrownBy(() -> bind(Map.of("briefing.report.chart-quarters", "1")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("briefing.report.chart-quarters must be between 2 and 40");
    }

    private static ReportProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("briefing.report", ReportProperties.class);
    }
}
