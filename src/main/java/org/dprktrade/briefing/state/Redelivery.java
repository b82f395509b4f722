package org.dprktrade.briefing.state;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.dprktrade.briefing.BriefingProperties;
import org.dprktrade.briefing.delivery.BriefingDelivery;
import org.dprktrade.briefing.delivery.DeliveryOutcome;
import org.dprktrade.briefing.delivery.DeliveryRequest;
import org.dprktrade.briefing.delivery.DeliveryResult;
import org.dprktrade.briefing.delivery.FigureRow;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.report.ReportManifest;
import org.dprktrade.briefing.report.ReportWriter;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * Sends a period's existing reports again, without recomputing them: the briefing of the latest
 * completed run of the period goes to the recipients that have not received it yet.
 */
@Component
public class Redelivery {

    /** Nothing to deliver: no completed run of the period, or its reports are gone or incomplete. */
    public static final class NothingToDeliverException extends RuntimeException {
        NothingToDeliverException(String message) {
            super(message);
        }
    }

    private final JobRepository jobRepository;
    private final BriefingDelivery delivery;
    private final BriefingProperties properties;
    private final ScheduledDeliveries scheduledDeliveries;

    Redelivery(JobRepository jobRepository, BriefingDelivery delivery, BriefingProperties properties,
               ScheduledDeliveries scheduledDeliveries) {
        this.scheduledDeliveries = scheduledDeliveries;
        this.jobRepository = jobRepository;
        this.delivery = delivery;
        this.properties = properties;
    }

    public DeliveryResult deliver(Quarter period) {
        JobExecution run = latestCompleted(period).orElseThrow(() -> new NothingToDeliverException(
                "no completed run of " + period + " to deliver: run it first (run --period " + period + ")"));
        Path pdf = ReportWriter.pdfPath(properties.reportsDir(), period);
        ReportManifest.Complete complete;
        try {
            complete = ReportManifest.verify(ReportWriter.periodDir(properties.reportsDir(), period), period);
        } catch (ReportManifest.IncompleteReportsException e) {
            throw new NothingToDeliverException(e.getMessage());
        }
        if (complete.runId() != run.getId()) {
            throw new NothingToDeliverException("the reports of " + period + " are from run " + complete.runId()
                    + ", not from its latest completed run " + run.getId() + "; run the period again (run --period "
                    + period + ")");
        }
        ExecutionContext context = run.getExecutionContext();
        List<String> reasons = lines(context, RunKeys.PROVISIONAL_REASONS);
        DeliveryResult result = delivery.deliver(new DeliveryRequest(period, run.getId(), pdf,
                ReportWriter.workbookPath(properties.reportsDir(), period),
                lines(context, RunKeys.KEY_DEVELOPMENTS), !reasons.isEmpty(), reasons,
                lines(context, RunKeys.FIGURES).stream().map(FigureRow::fromLine).toList()));
        if (result.outcome() == DeliveryOutcome.DELIVERED && RunKeys.BY_SCHEDULE.equals(
                run.getJobParameters().getString(RunKeys.TRIGGER))) {
            // the schedule's run has now reached its readers: later fires for the quarter skip it
            scheduledDeliveries.record(period, run.getId());
        }
        return result;
    }

    private Optional<JobExecution> latestCompleted(Quarter period) {
        return jobRepository.findJobInstances(RunKeys.JOB_NAME).stream()
                .map(JobInstance::getInstanceId)
                .sorted(Comparator.reverseOrder())
                .map(jobRepository::getJobInstance)
                .flatMap(instance -> jobRepository.getJobExecutions(instance).stream())
                .filter(e -> period.toString().equals(e.getJobParameters().getString(RunKeys.PERIOD)))
                .filter(e -> e.getStatus() == BatchStatus.COMPLETED)
                .max(Comparator.comparingLong(JobExecution::getId));
    }

    private static List<String> lines(ExecutionContext context, String key) {
        String value = context.containsKey(key) ? context.getString(key) : "";
        return value.isEmpty() ? List.of() : Arrays.asList(value.split("\n"));
    }
}
