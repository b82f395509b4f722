package org.dprktrade.briefing.report;

import org.dprktrade.briefing.ingest.InputSummary;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dprktrade.briefing.aggregate.LaborFigures;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.indicators.Indicator;
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
 * @param leftOut     optional datasets whose workbook was not found, with the file looked for
 * @param firstNames  per dataset, the first raw name seen for each category slug (display names where
 *                    configuration gives none)
 */
public record Briefing(Quarter period, long runId, OffsetDateTime generatedAt, QuarterIndicators indicators,
                       List<String> keyDevelopments, Map<Dataset, TradeFigures> trade, LaborFigures labor, List<RowProblem> problems,
                       List<InputSummary> inputs, Map<Dataset, List<String>> sources, String revisionNote,
                       Map<Dataset, String> leftOut, Map<Dataset, Map<String, String>> firstNames) {

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
        leftOut = leftOut == null ? Map.of() : Map.copyOf(leftOut);
        firstNames = firstNames == null ? Map.of() : Map.copyOf(firstNames);
    }

    /** A briefing with nothing left out and no raw names recorded. */
    public Briefing(Quarter period, long runId, OffsetDateTime generatedAt, QuarterIndicators indicators,
                    List<String> keyDevelopments, Map<Dataset, TradeFigures> trade, LaborFigures labor,
                    List<RowProblem> problems, List<InputSummary> inputs, Map<Dataset, List<String>> sources,
                    String revisionNote) {
        this(period, runId, generatedAt, indicators, keyDevelopments, trade, labor, problems, inputs, sources,
                revisionNote, Map.of(), Map.of());
    }

    /** The datasets of the briefing, in output order. */
    public List<Dataset> datasets() {
        return indicators.datasets();
    }

    /**
     * What readers see for a category: {@code total} for {@code all}, else the configured display name,
     * else the first raw name seen in the inputs, else the slug in words ({@link Dataset#nameOf}).
     */
    public String displayName(Dataset dataset, String slug) {
        if (Indicator.ALL.equals(slug)) {
            return ReportTitles.category(slug);
        }
        return dataset.nameOf(slug, firstNames.getOrDefault(dataset, Map.of()));
    }

    /** A first briefing (no revision note). */
    public Briefing(Quarter period, long runId, OffsetDateTime generatedAt, QuarterIndicators indicators,
                    List<String> keyDevelopments, Map<Dataset, TradeFigures> trade, LaborFigures labor,
                    List<RowProblem> problems, List<InputSummary> inputs, Map<Dataset, List<String>> sources) {
        this(period, runId, generatedAt, indicators, keyDevelopments, trade, labor, problems, inputs, sources, null,
                Map.of(), Map.of());
    }

    public boolean provisional() {
        return indicators.provisional();
    }
}
