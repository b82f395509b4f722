package org.dprktrade.briefing.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dprktrade.briefing.aggregate.LaborFigures;
import org.dprktrade.briefing.aggregate.TradeFigures;
import org.dprktrade.briefing.delivery.DeliveryResult;
import org.dprktrade.briefing.indicators.QuarterIndicators;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.RowProblem;
import org.dprktrade.briefing.ingest.InputSummary;

/**
 * What one job execution has gathered so far: filled by the ingest steps, read by the later steps.
 * One instance per job execution ({@code @JobScope}); steps run one after another, so it needs no locking.
 * Holds monthly figures and problems only, never per-row objects, so memory does not grow with rows
 * (problems are bounded by the rejected-rows threshold).
 */
public class RunData {

    /** Distinct source texts kept per dataset: enough for a sources list, bounded for hostile files. */
    static final int MAX_SOURCES = 50;

    private final List<Dataset> datasets;
    private final Map<Dataset, TradeFigures> trade = new LinkedHashMap<>();
    private final LaborFigures labor = new LaborFigures();
    private final Map<Dataset, String> leftOut = new LinkedHashMap<>();
    private final Map<Dataset, Map<String, String>> firstNames = new LinkedHashMap<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private final List<InputSummary> inputs = new ArrayList<>();
    private final Map<Dataset, Set<String>> sources = new LinkedHashMap<>();
    private QuarterIndicators indicators;
    private List<String> keyDevelopments = List.of();
    private List<Path> outputs = List.of();
    private DeliveryResult delivery;

    /** For the four built-in datasets. */
    public RunData() {
        this(Dataset.BUILT_IN);
    }

    /** @param datasets the configured datasets, in output order */
    public RunData(List<Dataset> datasets) {
        this.datasets = List.copyOf(datasets);
        for (Dataset d : datasets) {
            if (d.isTrade()) {
                trade.put(d, new TradeFigures(d));
            }
        }
    }

    public TradeFigures trade(Dataset dataset) {
        return trade.get(dataset);
    }

    /** Figures of the trade datasets read (left-out ones excepted), in output order. */
    public Map<Dataset, TradeFigures> trade() {
        Map<Dataset, TradeFigures> read = new LinkedHashMap<>(trade);
        leftOut.keySet().forEach(read::remove);
        return read;
    }

    /** The datasets of this run, in output order, without the optional ones left out. */
    public List<Dataset> datasets() {
        return datasets.stream().filter(d -> !leftOut.containsKey(d)).toList();
    }

    /** An optional dataset whose workbook is missing: left out of every output but the sources. */
    public void leaveOut(Dataset dataset, String file) {
        leftOut.put(dataset, file);
    }

    /** Left-out optional datasets and the file that was not found. */
    public Map<Dataset, String> leftOut() {
        return Map.copyOf(leftOut);
    }

    public void addFirstNames(Dataset dataset, Map<String, String> names) {
        names.forEach((slug, name) -> firstNames.computeIfAbsent(dataset, d -> new LinkedHashMap<>())
                .putIfAbsent(slug, name));
    }

    /** The first raw name seen per category slug, per dataset: the display name where none is configured. */
    public Map<Dataset, Map<String, String>> firstNames() {
        Map<Dataset, Map<String, String>> copy = new LinkedHashMap<>();
        firstNames.forEach((d, names) -> copy.put(d, Map.copyOf(names)));
        return copy;
    }

    public LaborFigures labor() {
        return labor;
    }

    public void addProblem(RowProblem problem) {
        problems.add(problem);
    }

    public List<RowProblem> problems() {
        return problems;
    }

    public void addInput(InputSummary summary) {
        inputs.add(summary);
    }

    public List<InputSummary> inputs() {
        return inputs;
    }

    public void addSource(Dataset dataset, String source) {
        if (source == null || source.isBlank()) {
            return;
        }
        Set<String> set = sources.computeIfAbsent(dataset, d -> new LinkedHashSet<>());
        if (set.size() < MAX_SOURCES) {
            set.add(source.strip());
        }
    }

    public Map<Dataset, List<String>> sources() {
        Map<Dataset, List<String>> copy = new LinkedHashMap<>();
        sources.forEach((d, s) -> copy.put(d, List.copyOf(s)));
        return copy;
    }

    public QuarterIndicators indicators() {
        return indicators;
    }

    public void setIndicators(QuarterIndicators indicators) {
        this.indicators = indicators;
    }

    /** The delivery step's result, or {@code null} before it ran. */
    public DeliveryResult delivery() {
        return delivery;
    }

    public void setDelivery(DeliveryResult delivery) {
        this.delivery = delivery;
    }

    public List<String> keyDevelopments() {
        return keyDevelopments;
    }

    public void setKeyDevelopments(List<String> keyDevelopments) {
        this.keyDevelopments = List.copyOf(keyDevelopments);
    }

    public List<Path> outputs() {
        return outputs;
    }

    public void setOutputs(List<Path> outputs) {
        this.outputs = List.copyOf(outputs);
    }
}
