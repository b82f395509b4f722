package org.dprktrade.briefing.report;

import java.math.BigDecimal;

import org.dprktrade.briefing.indicators.KeyDevelopmentThresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the reports show ({@code briefing.report.*}): when a movement is notable enough for a key
 * development sentence, and how many quarters the charts span. The defaults are those of an analyst's
 * quarterly note; every value is checked here, so a bad configuration stops the start-up, not a run.
 *
 * @param keyDevelopments thresholds of the key-development sentences
 * @param chartQuarters   quarters shown in the charts of the PDF and the workbook, ending with the period
 * @param organisation    who publishes the briefing: the PDF's author
 */
@ConfigurationProperties("briefing.report")
public record ReportProperties(@DefaultValue KeyDevelopmentsProperties keyDevelopments,
                               @DefaultValue("8") int chartQuarters,
                               @DefaultValue(DEFAULT_ORGANISATION) String organisation) {

    public static final String DEFAULT_ORGANISATION = "DPRK trade briefing";

    /** The most quarters a chart can show legibly on a portrait page. */
    static final int MAX_CHART_QUARTERS = 40;

    @ConstructorBinding
    public ReportProperties {
        if (keyDevelopments == null) {
            keyDevelopments = KeyDevelopmentsProperties.DEFAULTS;
        }
        if (chartQuarters < 2 || chartQuarters > MAX_CHART_QUARTERS) {
            throw new IllegalArgumentException("briefing.report.chart-quarters must be between 2 and "
                    + MAX_CHART_QUARTERS + ": " + chartQuarters);
        }
        if (organisation == null || organisation.isBlank()) {
            organisation = DEFAULT_ORGANISATION;
        }
    }

    /** As configured, with the default organisation. */
    public ReportProperties(KeyDevelopmentsProperties keyDevelopments, int chartQuarters) {
        this(keyDevelopments, chartQuarters, DEFAULT_ORGANISATION);
    }

    /** The defaults alone, as a jar with no configuration file runs. */
    public static ReportProperties defaults() {
        return new ReportProperties(KeyDevelopmentsProperties.DEFAULTS, 8);
    }

    /**
     * {@code briefing.report.key-developments.*}.
     *
     * @param minChangePct        smallest absolute percentage change worth a sentence (inclusive)
     * @param minZeroStreakMonths smallest run of reported-zero months worth a sentence (inclusive)
     * @param maxSentences        most sentences written
     */
    public record KeyDevelopmentsProperties(@DefaultValue("10") BigDecimal minChangePct,
                                            @DefaultValue("3") int minZeroStreakMonths,
                                            @DefaultValue("8") int maxSentences) {

        static final KeyDevelopmentsProperties DEFAULTS = new KeyDevelopmentsProperties(BigDecimal.TEN, 3, 8);

        public KeyDevelopmentsProperties {
            try {
                new KeyDevelopmentThresholds(minChangePct, minZeroStreakMonths, maxSentences);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("briefing.report.key-developments: " + e.getMessage(), e);
            }
        }

        public KeyDevelopmentThresholds thresholds() {
            return new KeyDevelopmentThresholds(minChangePct, minZeroStreakMonths, maxSentences);
        }
    }
}
