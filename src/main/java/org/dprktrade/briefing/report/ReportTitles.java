package org.dprktrade.briefing.report;

import org.dprktrade.briefing.indicators.QuarterIndicators;
import org.dprktrade.briefing.period.Quarter;

/** The fixed wording every output shares: title, generation line, provisional mark. Stateless. */
public final class ReportTitles {

    private ReportTitles() {
    }

    /** {@code DPRK–China trade: quarterly briefing, 2014-Q3}. */
    public static String title(Quarter period) {
        return "DPRK\u2013China trade: quarterly briefing, " + period;
    }

    /** {@code Generated 2014-10-10 06:00 +09:00, run 42}. */
    public static String generated(Briefing briefing) {
        return "Generated " + Formats.dateTime(briefing.generatedAt()) + ", run " + briefing.runId();
    }

    /** {@code PROVISIONAL: oil: 2 of 3 months reported; ...}, or empty when the quarter is final. */
    public static String provisional(QuarterIndicators indicators) {
        return indicators.provisional() ? "PROVISIONAL: " + String.join("; ", indicators.provisionalReasons()) : "";
    }
}
