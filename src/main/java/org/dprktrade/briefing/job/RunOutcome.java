package org.dprktrade.briefing.job;

import java.nio.file.Path;
import java.util.List;

import org.dprktrade.briefing.delivery.DeliveryResult;
import org.dprktrade.briefing.ingest.RowProblem;
import org.dprktrade.briefing.period.Quarter;

/**
 * How one run of the job ended, in the terms the command line reports.
 *
 * @param executionId the job execution id (0 where none was created)
 * @param exitCode    one of {@link org.dprktrade.briefing.job.ExitCodes}
 * @param message     one line for the user
 * @param outputs     report files written (empty when the run failed)
 * @param problems    rejected rows and warnings met on the way
 * @param delivery    the delivery of the briefing, {@code null} when the run did not get that far
 */
public record RunOutcome(Quarter period, long executionId, int exitCode, String message, Path reportDir,
                         List<Path> outputs, List<RowProblem> problems, DeliveryResult delivery) {

    public RunOutcome {
        outputs = List.copyOf(outputs);
        problems = List.copyOf(problems);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }
}
