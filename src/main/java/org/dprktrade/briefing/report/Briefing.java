package org.dprktrade.briefing.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dprktrade.briefing.aggregate.LaborFigures;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.indicators.QuarterIndicators;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.RowProblem;
import org.dprktrade.briefing.period.Quarter;

/**
 * Everything the report writers need for one quarter. Writers only read it.
 *
 * @param runId       the job execution id, printed in footers so a report can be traced to its run
 * @param keyDevelopments plain sentences on the quarter's largest movements, most notable first
 * @param trade       monthly figures of grain, fertilizer and oil (whole history)
 * @param labor       monthly labor figures (whole history)
 * @param problems    every rejected row and warning, in file and row order
 * @param inputs      one summary per workbook read
 * @param sources     distinct {@code source} cell texts per dataset, in first-seen order
 * @param revisionNote for a period already delivered to readers, e.g. "Revision 2 — replaces the briefing
 *                    sent 2015-01-10"; {@code null} for a first briefing
 */
public record Briefing(Quarter period, long runId, OffsetDateTime generatedAt, QuarterIndicators indicators,
                       List<String> keyDevelopments, Map<Dataset, TradeFigures> trade, LaborFigures labor, List<RowProblem> problems,
                       List<InputSummary> inputs, Map<Dataset, List<String>> sources, String revisionNote) {

    public Briefing {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(indicators, "indicators");
        keyDevelopments = List.copyOf(keyDevelopments);
        trade = Map.copyOf(trade);
        Objects.requireNonNull(labor, "labor");
        problems = List.copyOf(problems);
        inputs = List.copyOf(inputs);
        sources = Map.copyOf(sources);
    }

    /** A first briefing (no revision note). */
    public Briefing(Quarter period, long runId, OffsetDateTime generatedAt, QuarterIndicators indicators,
                    List<String> keyDevelopments, Map<Dataset, TradeFigures> trade, LaborFigures labor,
                    List<RowProblem> problems, List<InputSummary> inputs, Map<Dataset, List<String>> sources) {
        this(period, runId, generatedAt, indicators, keyDevelopments, trade, labor, problems, inputs, sources, null);
    }

    public boolean provisional() {
        return indicators.provisional();
    }
}
