package org.dprktrade.briefing.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dprktrade.briefing.delivery.DeliveryResult;
import org.dprktrade.briefing.ingest.RowProblem;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Hands what a job execution gathered (problems, outputs) to whoever launched it, after the job scope
 * that held it has ended. Entries are taken once by the launcher.
 */
@Component
class RunResults implements JobExecutionListener {

    /** @param delivery {@code null} when the run did not reach delivery */
    record Snapshot(List<RowProblem> problems, List<Path> outputs, DeliveryResult delivery) {
    }

    private final Map<Long, Snapshot> byExecution = new ConcurrentHashMap<>();
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final RunData runData;

    RunResults(RunData runData) {
        this.runData = runData;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        running.add(jobExecution.getId());
    }

    /** Executions this process is running now. */
    Set<Long> running() {
        return Set.copyOf(running);
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        running.remove(jobExecution.getId());
        byExecution.put(jobExecution.getId(), new Snapshot(List.copyOf(runData.problems()), runData.outputs(),
                runData.delivery()));
    }

    Snapshot take(long executionId) {
        Snapshot snapshot = byExecution.remove(executionId);
        return snapshot != null ? snapshot : new Snapshot(List.of(), List.of(), null);
    }
}
