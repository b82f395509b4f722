package org.dprktrade.briefing.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dprktrade.briefing.BriefingProperties;
import org.dprktrade.briefing.delivery.DeliveryRecord;
import org.dprktrade.briefing.delivery.DeliveryRecords;
import org.dprktrade.briefing.state.RunHistory;
import org.dprktrade.briefing.state.RunKeys;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.report.ReportManifest;
import org.dprktrade.briefing.report.ReportWriter;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs as the console and the API show them, read from the job repository and the delivery records, so runs
 * started by the schedule, the console, the API or a command beside {@code serve} all appear. Reads only.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RunsView {

    /** How far back the lists reach: enough for decades of quarters and reruns. */
    static final int MAX_INSTANCES = 2000;

    /** Rows of a run's data-quality file shown at most. */
    static final int MAX_PROBLEMS = 1000;

    /**
     * One run. {@code start}/{@code end} are null while unknown; {@code delivery} as {@code history} shows it
     * ({@code SENT 2/2}, {@code FAILED 1/2}, {@code SKIPPED}, {@code -}).
     */
    public record Run(long id, String period, String status, String trigger, OffsetDateTime start,
                      OffsetDateTime end, String delivery, boolean provisional, String exitCode, String exitMessage) {

        public boolean running() {
            return status.equals("STARTING") || status.equals("STARTED") || status.equals("STOPPING");
        }

        public Duration duration() {
            return start == null || end == null ? null : Duration.between(start, end);
        }
    }

    public record Step(String name, String status, long read, long written, long filtered, OffsetDateTime start,
                       OffsetDateTime end, Long durationMs, String exitCode, String exitMessage) {
    }

    /** One row of the run's {@code data-quality-<period>.csv}. */
    public record Problem(String file, String sheet, String row, String column, String severity, String problem,
                          String value) {
    }

    /**
     * A run with what it did. {@code reports} are the files its manifest records (empty when a later run
     * replaced them or it wrote none); {@code problems} come from its data-quality file, when it is still its own.
     */
    public record RunDetail(Run run, List<Step> steps, List<Problem> problems, boolean problemsTruncated,
                            List<String> reports, List<DeliveryRecord> recipients, int revision) {
    }

    /** A quarter's latest run and how many runs it has had. */
    public record QuarterRow(String period, Run latest, int runs, int revision) {
    }

    private final JobRepository jobRepository;
    private final DeliveryRecords deliveries;
    private final BriefingProperties properties;

    RunsView(JobRepository jobRepository, DeliveryRecords deliveries, BriefingProperties properties) {
        this.jobRepository = jobRepository;
        this.deliveries = deliveries;
        this.properties = properties;
    }

    /** Every run, newest first, optionally filtered (null or blank = any). */
    public List<Run> runs(String period, String status, String trigger) {
        List<Run> runs = new ArrayList<>();
        for (JobExecution execution : executions()) {
            Run run = runOf(execution, deliveries.forExecution(execution.getId()));
            if (matches(period, run.period()) && matches(status, run.status()) && matches(trigger, run.trigger())) {
                runs.add(run);
            }
        }
        return runs;
    }

    private static boolean matches(String wanted, String value) {
        return wanted == null || wanted.isBlank() || wanted.equalsIgnoreCase(value);
    }

    public Optional<Run> run(long id) {
        return Optional.ofNullable(execution(id)).map(e -> runOf(e, deliveries.forExecution(id)));
    }

    public Optional<RunDetail> detail(long id) {
        JobExecution execution = execution(id);
        if (execution == null) {
            return Optional.empty();
        }
        List<DeliveryRecord> recipients = deliveries.forExecution(id);
        Run run = runOf(execution, recipients);
        List<Step> steps = execution.getStepExecutions().stream()
                .sorted(Comparator.comparingLong(StepExecution::getId)).map(RunsView::stepOf).toList();
        List<String> reports = reportsOf(execution).stream().map(p -> p.getFileName().toString()).toList();
        List<Problem> problems = new ArrayList<>();
        boolean truncated = false;
        if (!reports.isEmpty()) {
            Quarter period = Quarter.parse(run.period());
            truncated = readProblems(ReportWriter.dataQualityCsvPath(properties.reportsDir(), period), problems);
        }
        int revision = recipients.stream().mapToInt(DeliveryRecord::revision).max().orElse(0);
        return Optional.of(new RunDetail(run, steps, problems, truncated, reports, recipients, revision));
    }

    /**
     * The report files of a run, as its period's manifest records them, provided the manifest is this run's:
     * the only files a download may serve.
     */
    public List<Path> reportsOf(long id) {
        JobExecution execution = execution(id);
        return execution == null ? List.of() : reportsOf(execution);
    }

    private List<Path> reportsOf(JobExecution execution) {
        String period = execution.getJobParameters().getString(RunKeys.PERIOD);
        if (period == null) {
            return List.of();
        }
        Path dir = ReportWriter.periodDir(properties.reportsDir(), Quarter.parse(period));
        try {
            ReportManifest.Complete complete = ReportManifest.verify(dir, Quarter.parse(period));
            return complete.runId() == execution.getId() ? complete.files() : List.of();
        } catch (RuntimeException incompleteOrMissing) {
            return List.of();
        }
    }

    /** Each quarter that has runs, newest quarter first, with its latest run. */
    public List<QuarterRow> quarters() {
        Map<String, List<Run>> byPeriod = new LinkedHashMap<>();
        for (Run run : runs(null, null, null)) {
            byPeriod.computeIfAbsent(run.period(), p -> new ArrayList<>()).add(run);
        }
        List<QuarterRow> rows = new ArrayList<>();
        byPeriod.forEach((period, runs) -> {
            Run latest = runs.get(0);
            int revision = deliveries.forExecution(latest.id()).stream().mapToInt(DeliveryRecord::revision).max()
                    .orElse(0);
            rows.add(new QuarterRow(period, latest, runs.size(), revision));
        });
        rows.sort(Comparator.comparing((QuarterRow r) -> Quarter.parse(r.period())).reversed());
        return rows;
    }

    private List<JobExecution> executions() {
        List<JobExecution> executions = new ArrayList<>();
        for (JobInstance instance : jobRepository.getJobInstances(RunKeys.JOB_NAME, 0, MAX_INSTANCES)) {
            executions.addAll(jobRepository.getJobExecutions(instance));
        }
        executions.sort(Comparator.comparingLong(JobExecution::getId).reversed());
        return executions;
    }

    private JobExecution execution(long id) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(id);
        } catch (EmptyResultDataAccessException unknown) {
            return null;
        }
        return execution != null && RunKeys.JOB_NAME.equals(execution.getJobInstance().getJobName()) ? execution
                : null;
    }

    private static Run runOf(JobExecution execution, List<DeliveryRecord> recipients) {
        var parameters = execution.getJobParameters();
        var context = execution.getExecutionContext();
        String reasons = context.containsKey(RunKeys.PROVISIONAL_REASONS)
                ? context.getString(RunKeys.PROVISIONAL_REASONS) : "";
        LocalDateTime start = execution.getStartTime() != null ? execution.getStartTime() : execution.getCreateTime();
        String trigger = parameters.getString(RunKeys.TRIGGER);
        return new Run(execution.getId(), parameters.getString(RunKeys.PERIOD), execution.getStatus().name(),
                trigger == null ? RunKeys.BY_HAND : trigger, offset(start), offset(execution.getEndTime()),
                deliverySummary(recipients), !reasons.isBlank(), execution.getExitStatus().getExitCode(),
                firstLine(execution.getExitStatus().getExitDescription()));
    }

    private static Step stepOf(StepExecution step) {
        Long millis = step.getStartTime() != null && step.getEndTime() != null
                ? Duration.between(step.getStartTime(), step.getEndTime()).toMillis() : null;
        return new Step(step.getStepName(), step.getStatus().name(), step.getReadCount(), step.getWriteCount(),
                step.getFilterCount(), offset(step.getStartTime()), offset(step.getEndTime()), millis,
                step.getExitStatus().getExitCode(), firstLine(step.getExitStatus().getExitDescription()));
    }

    /** Batch keeps local times of the host that ran the job; shown with that host's offset. */
    private static OffsetDateTime offset(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    /** Exit descriptions hold stack traces: the console shows their first line only. */
    static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("").replaceFirst("^([\\w$]+\\.)+[\\w$]+(Exception|Error): ", "");
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }

    static String deliverySummary(List<DeliveryRecord> recipients) {
        return RunHistory.deliverySummary(recipients);
    }

    /** Reads the data-quality CSV (RFC 4180 quoting) into rows; true when there were more than shown. */
    private static boolean readProblems(Path csv, List<Problem> into) {
        if (!Files.isRegularFile(csv)) {
            return false;
        }
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean header = true;
            int c;
            while ((c = reader.read()) != -1) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        reader.mark(1);
                        int next = reader.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                reader.reset();
                            }
                        }
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\n') {
                    fields.add(field.toString().replace("\r", ""));
                    field.setLength(0);
                    if (!header && fields.size() >= 7) {
                        if (into.size() == MAX_PROBLEMS) {
                            return true;
                        }
                        into.add(new Problem(fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4),
                                fields.get(5), fields.get(6)));
                    }
                    header = false;
                    fields.clear();
                } else {
                    field.append(ch);
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
