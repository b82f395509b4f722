package org.dprktrade.briefing.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.dprktrade.briefing.BriefingProperties;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.DatasetReader;
import org.dprktrade.briefing.ingest.IngestProperties;
import org.dprktrade.briefing.ingest.InputFileException;
import org.dprktrade.briefing.ingest.Datasets;
import org.dprktrade.briefing.ingest.InputSummary;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The input workbooks as the inputs page shows them: size, time, SHA-256 and what {@code validate} says
 * of each. A workbook is read again only when its size or time changed.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class InputsView {

    /** @param verdict one line: rows read, accepted, rejected, warnings; or why a run would refuse the file */
    record Input(String dataset, Path file, boolean exists, Long size, Instant modified, String sha256,
                 boolean valid, String verdict) {
    }

    private record Key(Path file, long size, Instant modified) {
    }

    private final BriefingProperties briefing;
    private final IngestProperties ingest;
    private final Datasets datasets;
    private final Map<Key, Input> checked = new ConcurrentHashMap<>();

    InputsView(BriefingProperties briefing, IngestProperties ingest, Datasets datasets) {
        this.briefing = briefing;
        this.ingest = ingest;
        this.datasets = datasets;
    }

    List<Input> inputs() {
        List<Input> inputs = new ArrayList<>();
        // the datasets validate reads, in configuration order
        for (Dataset dataset : datasets) {
            Path file = briefing.inputDir().resolve(dataset.file()).toAbsolutePath().normalize();
            inputs.add(input(dataset, file));
        }
        return inputs;
    }

    private Input input(Dataset dataset, Path file) {
        if (!Files.isRegularFile(file)) {
            return new Input(dataset.id(), file, false, null, null, null, !dataset.required(),
                    dataset.required() ? "missing" : "not found: optional, a run leaves it out");
        }
        try {
            Key key = new Key(file, Files.size(file), Files.getLastModifiedTime(file).toInstant());
            return checked.computeIfAbsent(key, k -> check(dataset, k));
        } catch (IOException e) {
            return new Input(dataset.id(), file, true, null, null, null, false, "cannot read: " + e.getMessage());
        }
    }

    private Input check(Dataset dataset, Key key) {
        String sha = DatasetReader.sha256(key.file());
        try {
            InputSummary summary = DatasetReader.read(key.file(), dataset, ingest, row -> { }, problem -> { });
            return new Input(dataset.id(), key.file(), true, key.size(), key.modified(), sha, true,
                    "sheet " + summary.sheet() + ": " + summary.rowsRead() + " rows, " + summary.rowsAccepted()
                            + " accepted, " + summary.rowsRejected() + " rejected, " + summary.warnings() + " warnings");
        } catch (InputFileException e) {
            return new Input(dataset.id(), key.file(), true, key.size(), key.modified(), sha, false, e.getMessage());
        }
    }
}
