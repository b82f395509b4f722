package org.dprktrade.briefing.job;

/** The exit codes of every command (docs/commands.md): part of the interface that users' scripts rely on. */
public final class ExitCodes {

    public static final int OK = 0;
    /** Anything not covered below: an I/O error writing reports, a database problem, a bug. */
    public static final int FAILURE = 1;
    /** Bad arguments, reported before anything runs. */
    public static final int USAGE = 2;
    /** An input workbook is missing, unreadable, lacks columns, or has too many rejected rows. */
    public static final int INPUT_DATA = 3;
    /** The reports were written but could not be delivered. */
    public static final int DELIVERY_FAILED = 4;

    private ExitCodes() {
    }
}
