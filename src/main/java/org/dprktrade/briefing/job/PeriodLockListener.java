package org.dprktrade.briefing.job;

import org.dprktrade.briefing.state.PeriodLock;
import org.dprktrade.briefing.period.Quarter;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** Writes the execution id into its period's lock, so a refused run can name the execution it waits for. */
@Component
class PeriodLockListener implements JobExecutionListener {

    private final PeriodLock periodLock;

    PeriodLockListener(PeriodLock periodLock) {
        this.periodLock = periodLock;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        String period = jobExecution.getJobParameters().getString(BriefingJobConfiguration.PERIOD);
        periodLock.attach(Quarter.parse(period), jobExecution.getId());
    }
}
