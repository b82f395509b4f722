package org.dprktrade.briefing.cli;

import org.dprktrade.briefing.job.ExitCodes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.dprktrade.briefing.job.BriefingRunner;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar briefing.jar <command>}: parses the arguments before Spring starts, so bad arguments
 * exit 2 without touching the database, then runs the command and exits with its code.
 */
@Command(name = "briefing", mixinStandardHelpOptions = true, versionProvider = BriefingCli.Version.class,
        description = "Quarterly DPRK–China trade briefing: reads the input workbooks, writes the reports.",
        subcommands = {RunCommand.class, ValidateCommand.class, HistoryCommand.class, DeliverCommand.class,
                ServeCommand.class},
        footer = {"", "Exit codes: 0 success, 1 other failure, 2 usage error, 3 input data error, 4 delivery failed."})
public final class BriefingCli implements Runnable {

    /** {@code --spring.profiles.active=postgres} and the like go to Spring, not to picocli. */
    private static final Pattern SPRING_PROPERTY = Pattern.compile("--[a-zA-Z][\\w-]*\\.[\\w.\\-\\[\\]]+=.*");

    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code; never calls {@code System.exit}. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #execute(String...)}, printing to the given writers (tests capture them). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        // The report writers warm up on a background thread while logging starts; SLF4J would tell the
        // terminal that it replayed their early calls. Its own notices are not for the user.
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        List<String> commandArgs = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        for (String arg : args) {
            (SPRING_PROPERTY.matcher(arg).matches() ? springArgs : commandArgs).add(arg);
        }
        CommandLine cli = new CommandLine(new BriefingCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(PeriodArgument.class, new QuarterConverter());
        cli.setParameterExceptionHandler(BriefingCli::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof SpringLauncher.StartupFailure failure) {
                commandLine.getErr().println("briefing: " + failure.getMessage());
                return failure.exitCode();
            }
            commandLine.getErr().println("briefing: " + BriefingRunner.oneLine(e));
            return ExitCodes.FAILURE;
        });
        SpringLauncher.setExtraArguments(springArgs);
        return cli.execute(commandArgs.toArray(String[]::new));
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("briefing: " + e.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ").strip()
                + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
        return ExitCodes.USAGE;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, validate, history, deliver or serve");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BriefingCli.class.getPackage().getImplementationVersion();
            return new String[] {"briefing " + (version == null ? "(development build)" : version)};
        }
    }
}
