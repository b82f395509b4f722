package org.dprktrade.briefing.cli;

import org.dprktrade.briefing.job.ExitCodes;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import org.dprktrade.briefing.delivery.DeliveryRecord;
import org.dprktrade.briefing.delivery.DeliveryStatus;
import org.dprktrade.briefing.state.RunHistory;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code history}: past runs, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List past runs: period, status, start, duration, delivery, who started it, outputs.")
final class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Show at most N runs (default ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    DataFolderOptions folders;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 1 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = SpringLauncher.startApplication(folders.asSpringArguments())) {
            List<RunHistory.Entry> entries = context.getBean(RunHistory.class).latest(limit);
            if (entries.isEmpty()) {
                out.println("no runs yet");
                return ExitCodes.OK;
            }
            out.printf("%-6s %-8s %-10s %-19s %9s  %-10s %-8s %s%n", "RUN", "PERIOD", "STATUS", "START",
                    "DURATION", "DELIVERY", "BY", "OUTPUTS");
            for (RunHistory.Entry e : entries) {
                out.printf("%-6d %-8s %-10s %-19s %9s  %-10s %-8s %s%n", e.executionId(), e.period(), e.status(),
                        e.start() == null ? "-" : START.format(e.start()), format(e.duration()), e.delivery(),
                        e.trigger(), e.reportDir().isEmpty() ? "-" : e.reportDir());
                for (DeliveryRecord r : e.recipients()) {
                    out.printf("         %-7s %s (attempts %d%s)%s%n", r.status(), r.recipient(), r.attempts(),
                            r.revision() > 1 ? ", revision " + r.revision() : "",
                            r.lastError() == null || r.status() == DeliveryStatus.SENT ? "" : ": " + r.lastError());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static String format(Duration d) {
        if (d == null) {
            return "-";
        }
        return String.format("%d.%01ds", d.toSeconds(), d.toMillisPart() / 100);
    }
}
