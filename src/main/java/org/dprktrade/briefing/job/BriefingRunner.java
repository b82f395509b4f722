package org.dprktrade.briefing.job;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;

import org.dprktrade.briefing.BriefingProperties;
import org.dprktrade.briefing.delivery.BriefingDelivery;
import org.dprktrade.briefing.delivery.DeliveryOutcome;
import org.dprktrade.briefing.delivery.DeliveryResult;
import org.dprktrade.briefing.ingest.InputFileException;
import org.dprktrade.briefing.ingest.RowProblem;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.state.PeriodLock;
import org.dprktrade.briefing.support.OneLine;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/**
 * Runs the briefing job for one quarter: the one entry point used by the command line and the
 * scheduler. Every call is a new job instance (a fresh {@code run.id}), so a period that already
 * succeeded is simply run again.
 */
@Component
public class BriefingRunner {

    private final JobOperator jobOperator;
    private final Job quarterlyBriefing;
    private final RunResults results;
    private final BriefingProperties properties;
    private final PeriodLock periodLock;
    private final StaleExecutions staleExecutions;
    private final BriefingDelivery delivery;

    BriefingRunner(JobOperator jobOperator, Job quarterlyBriefing, RunResults results, BriefingProperties properties,
                   PeriodLock periodLock, StaleExecutions staleExecutions, BriefingDelivery delivery) {
        this.delivery = delivery;
        this.jobOperator = jobOperator;
        this.quarterlyBriefing = quarterlyBriefing;
        this.results = results;
        this.properties = properties;
        this.periodLock = periodLock;
        this.staleExecutions = staleExecutions;
    }

    /**
     * Runs the job for the period unless another live run holds it; executions abandoned by a crash
     * are marked failed first.
     */
    public RunOutcome run(Quarter period) {
        return run(period, false);
    }

    /** As {@link #run(Quarter)}, for a fire of the schedule: the run is marked so in its parameters. */
    public RunOutcome runScheduled(Quarter period) {
        return run(period, true);
    }

    private RunOutcome run(Quarter period, boolean scheduled) {
        Path reportDir = properties.reportsDir().resolve(period.toString());
        staleExecutions.recover();
        try {
            periodLock.acquire(period);
        } catch (PeriodLock.PeriodBusyException busy) {
            return new RunOutcome(period, 0, ExitCodes.FAILURE, busy.getMessage(), reportDir, List.of(), List.of(),
                    null);
        }
        RunOutcome outcome;
        try {
            outcome = runHolding(period, reportDir, scheduled);
        } finally {
            periodLock.release(period);
        }
        if (outcome.exitCode() == ExitCodes.FAILURE || outcome.exitCode() == ExitCodes.INPUT_DATA) {
            // readers never get a failed run's reports; the operators hear of it instead
            // with the rows behind an input failure, as the terminal lists them, so the operator knows what to fix
            delivery.notifyOperators(period, outcome.message(), outcome.exitCode() == ExitCodes.INPUT_DATA
                    ? outcome.problems().stream().filter(RowProblem::isError).map(RowProblem::describe).toList()
                    : List.of());
        }
        return outcome;
    }

    private RunOutcome runHolding(Quarter period, Path reportDir, boolean scheduled) {
        JobParameters parameters = new JobParametersBuilder()
                .addString(BriefingJobConfiguration.PERIOD, period.toString())
                .addString(BriefingJobConfiguration.TRIGGER, scheduled ? BriefingJobConfiguration.BY_SCHEDULE
                        : BriefingJobConfiguration.BY_HAND, false)
                .addLong(BriefingJobConfiguration.RUN_ID, System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000)
                .toJobParameters();
        JobExecution execution;
        try {
            execution = jobOperator.start(quarterlyBriefing, parameters);
        } catch (Exception e) {
            return new RunOutcome(period, 0, ExitCodes.FAILURE, period + ": the job could not start: " + oneLine(e),
                    reportDir, List.of(), List.of(), null);
        }
        RunResults.Snapshot snapshot = results.take(execution.getId());
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            DeliveryResult delivery = snapshot.delivery();
            boolean delivered = delivery == null || delivery.outcome() != DeliveryOutcome.FAILED;
            String message = period + ": reports written to " + reportDir
                    + (delivery == null ? "" : "; " + delivery.summary())
                    + (delivered ? "" : "; retry with: deliver --period " + period);
            return new RunOutcome(period, execution.getId(), delivered ? ExitCodes.OK : ExitCodes.DELIVERY_FAILED,
                    message, reportDir, snapshot.outputs(), snapshot.problems(), delivery);
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return new RunOutcome(period, execution.getId(), ExitCodes.FAILURE, period + ": stopped before it finished "
                    + "(execution " + execution.getId() + "); reports of the period are as they were; run it again",
                    reportDir, List.of(), snapshot.problems(), null);
        }
        Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        NoFiguresException noFigures = find(failure, NoFiguresException.class);
        if (noFigures != null) {
            // the rows read are not what is wrong: the quarter is simply not in the workbooks
            return new RunOutcome(period, execution.getId(), ExitCodes.INPUT_DATA, noFigures.getMessage(), reportDir,
                    List.of(), List.of(), null);
        }
        InputFileException inputFailure = find(failure, InputFileException.class);
        if (inputFailure != null) {
            return new RunOutcome(period, execution.getId(), ExitCodes.INPUT_DATA,
                    period + ": " + inputFailure.getMessage(), reportDir, List.of(), snapshot.problems(), null);
        }
        String why = failure == null ? "job ended " + execution.getStatus() : oneLine(failure);
        return new RunOutcome(period, execution.getId(), ExitCodes.FAILURE, period + ": run failed: " + why,
                reportDir, List.of(), snapshot.problems(), null);
    }

    /**
     * Asks every run of this process to stop at its next chunk boundary (SIGTERM): the execution ends
     * STOPPED, not STARTED forever, and the period can be run again.
     */
    public void stopRunning() {
        for (long id : results.running()) {
            try {
                jobOperator.stop(id);
            } catch (Exception e) {
                // it finished in the meantime: nothing to stop
            }
        }
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The innermost cause of a failure as one line for the user; file-system errors say what went wrong. */
    public static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof FileSystemException fs ? describe(fs)
                : root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return OneLine.of(message);
    }

    /** File-system exceptions carry only a path as their message: say what went wrong with it. */
    private static String describe(FileSystemException e) {
        String what = e.getReason() != null ? e.getReason()
                : e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileAlreadyExistsException ? "already exists (and is in the way)"
                : e instanceof NoSuchFileException ? "no such file or folder"
                : e instanceof NotDirectoryException ? "is not a folder"
                : e.getClass().getSimpleName();
        return "cannot write " + e.getFile() + (e.getOtherFile() == null ? "" : " or " + e.getOtherFile()) + ": " + what;
    }
}
