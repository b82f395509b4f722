package org.dprktrade.briefing.job;

import org.dprktrade.briefing.state.PeriodLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dprktrade.briefing.BriefingProperties;
import org.dprktrade.briefing.delivery.BriefingDelivery;
import org.dprktrade.briefing.delivery.DeliveryProperties;
import org.dprktrade.briefing.delivery.Revision;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.Datasets;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.report.ReportWriter;
import org.springframework.stereotype.Component;

/**
 * What a run of a period would do, without doing it: the inputs it would read, the reports it would
 * write or replace, whether the briefing would be a revision, and who would receive it. Writes nothing,
 * sends nothing.
 */
@Component
public class DryRun {

    /** One file, whether it is there now, and whether the run needs it (an optional dataset's workbook does not). */
    public record FileState(Path file, boolean exists, boolean required) {

        public FileState(Path file, boolean exists) {
            this(file, exists, true);
        }
    }

    /**
     * @param revision  set when the period's briefing has reached readers before
     * @param delivery  e.g. "outbox reports/outbox", "smtp", "none"
     */
    public record Plan(Quarter period, List<FileState> inputs, List<FileState> reports, Optional<Revision> revision,
                       String delivery, List<String> recipients, boolean periodRunningNow) {
    }

    private final BriefingProperties briefing;
    private final Datasets datasets;
    private final DeliveryProperties deliveryProperties;
    private final BriefingDelivery delivery;
    private final PeriodLock periodLock;

    DryRun(BriefingProperties briefing, Datasets datasets, DeliveryProperties deliveryProperties,
           BriefingDelivery delivery, PeriodLock periodLock) {
        this.briefing = briefing;
        this.datasets = datasets;
        this.deliveryProperties = deliveryProperties;
        this.delivery = delivery;
        this.periodLock = periodLock;
    }

    public Plan plan(Quarter period) {
        List<FileState> inputs = new ArrayList<>();
        for (Dataset dataset : datasets) {
            Path file = BriefingJobConfiguration.inputFile(briefing, dataset);
            inputs.add(new FileState(file, Files.isRegularFile(file), dataset.required()));
        }
        Path reports = briefing.reportsDir();
        List<FileState> outputs = new ArrayList<>();
        for (Path file : List.of(ReportWriter.indicatorsCsvPath(reports, period),
                ReportWriter.dataQualityCsvPath(reports, period), ReportWriter.workbookPath(reports, period),
                ReportWriter.pdfPath(reports, period))) {
            outputs.add(new FileState(file, Files.exists(file)));
        }
        String how = switch (deliveryProperties.mode()) {
            case OUTBOX -> "outbox " + delivery.outboxDir();
            case SMTP -> "smtp";
            case NONE -> "none";
        };
        return new Plan(period, inputs, outputs, delivery.revisionFor(period), how,
                deliveryProperties.mode() == DeliveryProperties.Mode.NONE ? List.of() : deliveryProperties.recipients(),
                periodLock.isHeld(period));
    }
}
