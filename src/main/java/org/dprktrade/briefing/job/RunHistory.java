package org.dprktrade.briefing.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/** Past runs of the briefing job as the operator sees them, newest first, read from the job repository. */
@Component
public class RunHistory {

    /**
     * @param reportDir where the run wrote its reports ("" when it wrote none)
     * @param delivery  delivery status, "-" where the run delivered nothing
     */
    public record Entry(long executionId, String period, String status, LocalDateTime start, Duration duration,
                        String reportDir, String delivery) {
    }

    private final JobRepository jobRepository;

    RunHistory(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    public List<Entry> latest(int count) {
        List<Entry> entries = new ArrayList<>();
        for (JobInstance instance : jobRepository.getJobInstances(BriefingJobConfiguration.JOB_NAME, 0, count)) {
            for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
                entries.add(entryOf(execution));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::executionId).reversed());
        return entries.size() > count ? entries.subList(0, count) : entries;
    }

    private static Entry entryOf(JobExecution execution) {
        String period = execution.getJobParameters().getString(BriefingJobConfiguration.PERIOD);
        LocalDateTime start = execution.getStartTime() != null ? execution.getStartTime() : execution.getCreateTime();
        Duration duration = execution.getStartTime() != null && execution.getEndTime() != null
                ? Duration.between(execution.getStartTime(), execution.getEndTime()) : null;
        String reportDir = execution.getExecutionContext().containsKey(BriefingJobConfiguration.REPORT_DIR)
                ? execution.getExecutionContext().getString(BriefingJobConfiguration.REPORT_DIR) : "";
        return new Entry(execution.getId(), period, execution.getStatus().name(), start, duration, reportDir, "-");
    }
}
