package org.dprktrade.briefing.job;

import org.dprktrade.briefing.state.PeriodLock;
import java.util.ArrayList;
import java.util.List;

import org.dprktrade.briefing.period.Quarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Finds executions left STARTED by a process that died (kill -9, power loss) and marks them FAILED
 * through {@link JobOperator#recover}, so history tells the truth and the period can run again. An
 * execution counts as abandoned when no live run holds its period's lock (see {@link PeriodLock} for
 * when a holder on another host counts as dead). Safe to call from several instances at once.
 */
@Component
public class StaleExecutions {

    private static final Logger log = LoggerFactory.getLogger(StaleExecutions.class);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final PeriodLock periodLock;

    StaleExecutions(JobRepository jobRepository, JobOperator jobOperator, PeriodLock periodLock) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.periodLock = periodLock;
    }

    /** Marks every abandoned execution failed; returns their ids. */
    public List<Long> recover() {
        List<Long> recovered = new ArrayList<>();
        for (JobExecution listed : jobRepository.findRunningJobExecutions(BriefingJobConfiguration.JOB_NAME)) {
            String period = listed.getJobParameters().getString(BriefingJobConfiguration.PERIOD);
            if (period != null && periodLock.isHeld(Quarter.parse(period))) {
                continue;
            }
            // read it again: the run may have ended (and released its period) since the list was read
            JobExecution execution = jobRepository.getJobExecution(listed.getId());
            if (execution == null || !execution.isRunning()) {
                continue;
            }
            String leftAs = execution.getStatus().name();
            try {
                jobOperator.recover(execution);
            } catch (OptimisticLockingFailureException changed) {
                // another instance recovered it at the same moment, or it moved on: not ours to mark
                log.info("execution {} of {} changed while being recovered; left to whoever changed it",
                        execution.getId(), period);
                continue;
            }
            log.warn("execution {} of {} was left {} by a process that ended; marked FAILED", execution.getId(),
                    period, leftAs);
            recovered.add(execution.getId());
        }
        return recovered;
    }
}
