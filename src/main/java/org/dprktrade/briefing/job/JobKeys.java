package org.dprktrade.briefing.job;

/**
 * The names under which a run of the job records what the console and the API read back: job parameters
 * and execution-context keys, as {@link BriefingJobConfiguration} writes them.
 */
public final class JobKeys {

    public static final String JOB_NAME = BriefingJobConfiguration.JOB_NAME;
    public static final String PERIOD = BriefingJobConfiguration.PERIOD;
    /** Who started the run: {@link #BY_SCHEDULE} or {@link #BY_HAND}. */
    public static final String TRIGGER = BriefingJobConfiguration.TRIGGER;
    public static final String BY_SCHEDULE = BriefingJobConfiguration.BY_SCHEDULE;
    public static final String BY_HAND = BriefingJobConfiguration.BY_HAND;
    public static final String REPORT_DIR = BriefingJobConfiguration.REPORT_DIR;
    /** Lines of the reasons the quarter is provisional; empty or absent when it is not. */
    public static final String PROVISIONAL_REASONS = BriefingJobConfiguration.PROVISIONAL_REASONS;
    /** Exit code of a run whose reports were written but not delivered. */
    public static final String DELIVERY_FAILED = BriefingJobConfiguration.DELIVERY_FAILED;

    private JobKeys() {
    }
}
