package org.dprktrade.briefing.job;

import java.time.Duration;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** One log line per step: what it read and wrote, how long it took, how it ended. */
@Component
class StepLogListener implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("org.dprktrade.briefing.steps");

    @Override
    public ExitStatus afterStep(StepExecution step) {
        // the end time is set after the listeners have run
        Duration took = step.getStartTime() == null ? Duration.ZERO
                : Duration.between(step.getStartTime(), LocalDateTime.now());
        log.info("{} {}: read {}, written {}, filtered {}, {} ms, {}", step.getJobParameters().getString(
                BriefingJobConfiguration.PERIOD), step.getStepName(), step.getReadCount(), step.getWriteCount(),
                step.getFilterCount(), took.toMillis(), step.getExitStatus().getExitCode());
        return null;
    }
}
