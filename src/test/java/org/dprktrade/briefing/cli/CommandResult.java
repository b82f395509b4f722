package org.dprktrade.briefing.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A command line run in-process, with what it printed. */
record CommandResult(int exitCode, String out, String err) {

    static CommandResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BriefingCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandResult(code, out.toString(), err.toString());
    }
}
