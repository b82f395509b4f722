package org.dprktrade.briefing.state;

/**
 * Names the job writes into Spring Batch's tables and the run-state services read back: the job name,
 * its parameters and execution-context keys. Kept here so that {@code state} reads them without
 * importing {@code job}, which sits above it.
 */
public final class RunKeys {

    public static final String JOB_NAME = "quarterlyBriefing";
    public static final String PERIOD = "period";
    public static final String RUN_ID = "run.id";
    /** Non-identifying: who started the run, {@link #BY_SCHEDULE} or {@link #BY_HAND}. */
    public static final String TRIGGER = "trigger";
    public static final String BY_SCHEDULE = "schedule";
    public static final String BY_HAND = "manual";
    /** Execution-context key of the report folder, shown by {@code history}. */
    public static final String REPORT_DIR = "briefing.reportDir";
    /** Execution-context keys of what a later {@code deliver} needs to send the same briefing again. */
    public static final String KEY_DEVELOPMENTS = "briefing.keyDevelopments";
    public static final String PROVISIONAL_REASONS = "briefing.provisionalReasons";
    /** The mail's figures table, one {@code FigureRow.toLine()} a line. */
    public static final String FIGURES = "briefing.figures";

    private RunKeys() {
    }
}
