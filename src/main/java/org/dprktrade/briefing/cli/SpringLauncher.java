package org.dprktrade.briefing.cli;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dprktrade.briefing.BriefingApplication;
import org.dprktrade.briefing.ConfigurationCheck;
import org.dprktrade.briefing.StateFolderCheck;
import org.dprktrade.briefing.ingest.DatasetConfigurationException;
import org.dprktrade.briefing.ingest.Datasets;
import org.dprktrade.briefing.ingest.IngestProperties;
import org.dprktrade.briefing.job.BriefingRunner;
import org.dprktrade.briefing.job.ExitCodes;
import org.dprktrade.briefing.web.ServeEnvironment;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/** Starts the Spring application for a command, quietly: the command prints what the user needs. */
final class SpringLauncher {

    private static List<String> extraArguments = List.of();

    private SpringLauncher() {
    }

    static void setExtraArguments(List<String> arguments) {
        extraArguments = List.copyOf(arguments);
    }

    static ConfigurableApplicationContext start(Class<?> source, List<String> arguments) {
        return start(source, arguments, true);
    }

    /**
     * @param shutdownHook whether Spring closes the context on SIGTERM by itself; {@code run} closes it
     *                     in its own hook, after its job has stopped
     */
    static ConfigurableApplicationContext start(Class<?> source, List<String> arguments, boolean shutdownHook) {
        return start(source, arguments, shutdownHook, List.of());
    }

    /** @param listeners added before the environment is prepared ({@code serve} chooses its web server there) */
    private static ConfigurableApplicationContext start(Class<?> source, List<String> arguments, boolean shutdownHook,
                                                        List<ApplicationListener<?>> listeners) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(extraArguments);
        if (listeners.isEmpty()) {
            System.setProperty(BACKGROUND_PREINITIALIZER, "true");
        } else {
            System.clearProperty(BACKGROUND_PREINITIALIZER);
        }
        try {
            return new SpringApplicationBuilder(source)
                    .listeners(new DatasetsCheck())
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .registerShutdownHook(shutdownHook)
                    .listeners(listeners.toArray(ApplicationListener<?>[]::new))
                    .run(all.toArray(String[]::new));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DatasetConfigurationException misconfigured) {
                    throw new StartupFailure(misconfigured.getMessage(), ExitCodes.USAGE, e);
                }
            }
            throw new StartupFailure(describe(e), ExitCodes.FAILURE, e);
        }
    }

    /**
     * Checks the datasets' configuration as soon as the configuration files are read, before any bean
     * (database, job) is made: a misconfigured dataset stops every command with one line naming the key
     * (exit 2), raised once logging has started ({@link ConfigurationCheck}).
     */
    private static final class DatasetsCheck extends ConfigurationCheck {

        @Override
        protected Optional<RuntimeException> check(ConfigurableEnvironment environment) {
            try {
                Datasets.from(environment, Binder.get(environment).bindOrCreate("briefing.ingest", IngestProperties.class));
                return Optional.empty();
            } catch (DatasetConfigurationException e) {
                return Optional.of(e);
            }
        }
    }

    /** The application could not start; the message is one line for the user. */
    static final class StartupFailure extends RuntimeException {
        private final int exitCode;

        StartupFailure(String message, int exitCode, Throwable cause) {
            super(message, cause);
            this.exitCode = exitCode;
        }

        /** {@link ExitCodes#USAGE} for a misconfiguration, {@link ExitCodes#FAILURE} otherwise. */
        int exitCode() {
            return exitCode;
        }
    }

    private static final Pattern DATABASE_FILE = Pattern.compile("\"([^\"]+)\\.mv\\.db\"");

    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StateFolderCheck.StateFolderException folder) {
                return folder.getMessage();
            }
            if (t instanceof ServeEnvironment.MissingPasswordException || t instanceof PortInUseException) {
                return t.getMessage();
            }
            if (t instanceof SQLException sql && sql.getErrorCode() == DATABASE_IN_USE) {
                Matcher file = DATABASE_FILE.matcher(String.valueOf(sql.getMessage()));
                return "the state database " + (file.find() ? file.group(1) + ".mv.db " : "")
                        + "is in use by another briefing process (a running serve or run); try again when it has "
                        + "finished, or share a PostgreSQL database between instances (profile postgres)";
            }
        }
        return "cannot start: " + BriefingRunner.oneLine(e);
    }

    /** H2's "Database may be already in use". */
    private static final int DATABASE_IN_USE = 90020;

    /**
     * Boot warms up Jackson, Tomcat and the HTTP message converters in a background thread at every start;
     * only {@code serve}'s console uses them, and on a busy machine the other commands would pay for it.
     */
    private static final String BACKGROUND_PREINITIALIZER = "spring.backgroundpreinitializer.ignore";

    static ConfigurableApplicationContext startApplication(List<String> arguments) {
        return start(BriefingApplication.class, withoutScheduler(arguments));
    }

    /** Auto-configurations that only {@code serve} uses (Quartz) or that nothing here uses at all. */
    private static final String UNUSED_AUTO_CONFIGURATION = String.join(",",
            "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
            "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration",
            "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration",
            "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
            "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
            "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration");

    /** The arguments of a command that never schedules: no Quartz, a shorter start. */
    static List<String> withoutScheduler(List<String> arguments) {
        List<String> all = new ArrayList<>(arguments);
        all.add("--briefing.schedule.enabled=false");
        all.add("--spring.autoconfigure.exclude=" + UNUSED_AUTO_CONFIGURATION);
        return all;
    }

    /**
     * The arguments of {@code serve}: everything, the scheduler included, and the web console unless
     * {@code briefing.console.enabled=false} (the only command with a web server).
     */
    static ConfigurableApplicationContext startServing(List<String> arguments) {
        return start(BriefingApplication.class, arguments, true, List.of(new ServeEnvironment()));
    }

}
