package org.dprktrade.briefing.cli;

import org.dprktrade.briefing.job.ExitCodes;
import java.io.PrintWriter;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.dprktrade.briefing.BriefingApplication;
import org.dprktrade.briefing.ingest.RowProblem;
import org.dprktrade.briefing.job.BriefingRunner;
import org.dprktrade.briefing.job.DryRun;
import org.dprktrade.briefing.job.RunOutcome;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.period.QuarterRange;
import org.dprktrade.briefing.report.ReportWarmUp;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run --period P} or {@code run --from P --to P}: the whole job for each quarter, now. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the whole job for a quarter (or each quarter of a range) and print where the reports are.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--period", paramLabel = "YYYY-Qn", description = "The quarter, e.g. 2014-Q3, or latest: the "
            + "quarter that has most recently ended in briefing.schedule.time-zone.")
    PeriodArgument period;

    @Option(names = "--from", paramLabel = "YYYY-Qn", description = "First quarter of a range (or latest).")
    PeriodArgument from;

    @Option(names = "--to", paramLabel = "YYYY-Qn", description = "Last quarter of a range, inclusive (or latest).")
    PeriodArgument to;

    @Option(names = "--dry-run", description = "Show which reports would be (re)written, whether the briefing would "
            + "be a revision and who would receive it, without writing or sending anything.")
    boolean dryRun;

    @Mixin
    DataFolderOptions folders;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        checkOptions();
        // without latest, a bad range is refused before anything starts; latest needs the configured zone
        List<Quarter> quarters = mentionsLatest() ? null : quarters(null);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (dryRun) {
            return preview(quarters, out);
        }
        ReportWarmUp.start();
        ConfigurableApplicationContext context = SpringLauncher.start(BriefingApplication.class,
                SpringLauncher.withoutScheduler(folders.asSpringArguments()), false);
        if (quarters == null) {
            try {
                quarters = quarters(context);
            } catch (CommandLine.ParameterException e) {
                context.close();
                throw e;
            }
        }
        BriefingRunner runner = context.getBean(BriefingRunner.class);
        CountDownLatch finished = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> {
            runner.stopRunning();
            try {
                finished.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            context.close();
        }, "briefing-stop");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            for (int i = 0; i < quarters.size(); i++) {
                RunOutcome outcome = runner.run(quarters.get(i));
                report(outcome, out, err);
                if (!outcome.succeeded()) {
                    if (i + 1 < quarters.size()) {
                        err.println("briefing: stopped; not run: "
                                + quarters.subList(i + 1, quarters.size()).stream().map(Quarter::toString).toList());
                    }
                    return outcome.exitCode();
                }
            }
            return ExitCodes.OK;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
                context.close();
            } catch (IllegalStateException shuttingDown) {
                // the signal's hook closes the context
            }
        }
    }

    private int preview(List<Quarter> given, PrintWriter out) {
        try (ConfigurableApplicationContext context = SpringLauncher.startApplication(folders.asSpringArguments())) {
            List<Quarter> quarters = given != null ? given : quarters(context);
            DryRun dryRun = context.getBean(DryRun.class);
            for (Quarter quarter : quarters) {
                DryRun.Plan plan = dryRun.plan(quarter);
                out.println(quarter + ": dry run, nothing is written or sent");
                for (DryRun.FileState input : plan.inputs()) {
                    out.println("  would read     " + input.file() + (input.exists() ? ""
                            : input.required() ? "  (MISSING: the run would fail)"
                            : "  (missing: optional, the run would leave it out)"));
                }
                for (DryRun.FileState report : plan.reports()) {
                    out.println("  would " + (report.exists() ? "replace  " : "write    ") + report.file());
                }
                out.println("  briefing       " + plan.revision().map(r -> r.mark())
                        .orElse("first briefing of " + quarter + " for its readers"));
                out.println("  delivery       " + plan.delivery() + (plan.recipients().isEmpty() ? ", nobody"
                        : " to " + String.join(", ", plan.recipients())));
                if (plan.periodRunningNow()) {
                    out.println("  note           " + quarter + " is being run now; a run would be refused");
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** How long a SIGTERM waits for the running step to reach a chunk boundary and stop. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private void checkOptions() {
        if (period != null && (from != null || to != null)) {
            throw usage("give either --period or --from and --to, not both");
        }
        if (period == null && (from == null || to == null)) {
            throw usage("a quarter is required: --period YYYY-Qn, or --from YYYY-Qn --to YYYY-Qn");
        }
    }

    private boolean mentionsLatest() {
        return period != null ? period.isLatest() : from.isLatest() || to.isLatest();
    }

    /** @param context where {@code latest} is resolved; {@code null} when no argument is {@code latest} */
    private List<Quarter> quarters(ConfigurableApplicationContext context) {
        if (period != null) {
            return List.of(period.resolve(context));
        }
        try {
            return new QuarterRange(from.resolve(context), to.resolve(context)).quarters();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static void report(RunOutcome outcome, PrintWriter out, PrintWriter err) {
        if (outcome.succeeded() || outcome.exitCode() == ExitCodes.DELIVERY_FAILED) {
            (outcome.succeeded() ? out : err).println((outcome.succeeded() ? "" : "briefing: ") + outcome.message());
            err.flush();
            for (Path file : outcome.outputs()) {
                out.println("  " + file);
            }
            // file-level warnings (an optional dataset left out) are few and worth a line each
            outcome.problems().stream().filter(p -> !p.isError() && p.row() == 0)
                    .forEach(p -> out.println("  " + p.describe()));
            long rejected = outcome.problems().stream().filter(RowProblem::isError).count();
            long warnings = outcome.problems().size() - rejected;
            if (!outcome.problems().isEmpty()) {
                out.println("  data quality: " + rejected + " rejected rows, " + warnings
                        + " warnings (listed in data-quality-" + outcome.period() + ".csv)");
            }
            out.flush();
            return;
        }
        err.println("briefing: " + outcome.message());
        if (outcome.exitCode() == ExitCodes.INPUT_DATA) {
            // every rejected row, since no data-quality report was written for this run
            for (RowProblem problem : outcome.problems()) {
                if (problem.isError()) {
                    err.println("  " + problem.describe());
                }
            }
        }
        err.flush();
    }
}
