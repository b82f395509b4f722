package org.dprktrade.briefing.state;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.dprktrade.briefing.delivery.DeliveryRecord;
import org.dprktrade.briefing.delivery.DeliveryRecords;
import org.dprktrade.briefing.delivery.DeliveryStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/** Past runs of the briefing job as the operator sees them, newest first, read from the job repository. */
@Component
public class RunHistory {

    /**
     * @param reportDir  where the run wrote its reports ("" when it wrote none)
     * @param delivery   e.g. {@code SENT 2/2}, {@code FAILED 1/2}, {@code SKIPPED}; "-" where the run delivered nothing
     * @param recipients the delivery to each recipient
     * @param trigger    {@code schedule} or {@code manual}
     */
    public record Entry(long executionId, String period, String status, LocalDateTime start, Duration duration,
                        String reportDir, String delivery, List<DeliveryRecord> recipients, String trigger) {
    }

    private final JobRepository jobRepository;
    private final DeliveryRecords deliveries;

    RunHistory(JobRepository jobRepository, DeliveryRecords deliveries) {
        this.jobRepository = jobRepository;
        this.deliveries = deliveries;
    }

    public List<Entry> latest(int count) {
        List<Entry> entries = new ArrayList<>();
        for (JobInstance instance : jobRepository.getJobInstances(RunKeys.JOB_NAME, 0, count)) {
            for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
                entries.add(entryOf(execution, deliveries.forExecution(execution.getId())));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::executionId).reversed());
        return entries.size() > count ? entries.subList(0, count) : entries;
    }

    private static Entry entryOf(JobExecution execution, List<DeliveryRecord> recipients) {
        String period = execution.getJobParameters().getString(RunKeys.PERIOD);
        LocalDateTime start = execution.getStartTime() != null ? execution.getStartTime() : execution.getCreateTime();
        Duration duration = execution.getStartTime() != null && execution.getEndTime() != null
                ? Duration.between(execution.getStartTime(), execution.getEndTime()) : null;
        String reportDir = execution.getExecutionContext().containsKey(RunKeys.REPORT_DIR)
                ? execution.getExecutionContext().getString(RunKeys.REPORT_DIR) : "";
        return new Entry(execution.getId(), period, execution.getStatus().name(), start, duration, reportDir,
                deliverySummary(recipients), recipients, Optional.ofNullable(execution.getJobParameters()
                        .getString(RunKeys.TRIGGER)).orElse(RunKeys.BY_HAND));
    }

    /** {@code SENT 2/2}, {@code FAILED 1/2}, {@code SKIPPED}, or "-" where the run delivered nothing: history and the console. */
    public static String deliverySummary(List<DeliveryRecord> recipients) {
        if (recipients.isEmpty()) {
            return "-";
        }
        long sent = recipients.stream().filter(r -> r.status() == DeliveryStatus.SENT).count();
        if (sent == recipients.size()) {
            return "SENT " + sent + "/" + recipients.size();
        }
        boolean skipped = recipients.stream().allMatch(r -> r.status() == DeliveryStatus.SKIPPED);
        return skipped ? "SKIPPED" : "FAILED " + sent + "/" + recipients.size();
    }
}
