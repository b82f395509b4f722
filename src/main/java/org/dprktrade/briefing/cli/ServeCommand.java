package org.dprktrade.briefing.cli;

import org.dprktrade.briefing.job.ExitCodes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.dprktrade.briefing.job.StaleExecutions;
import org.dprktrade.briefing.schedule.ScheduleProperties;
import org.dprktrade.briefing.schedule.ScheduleRegistrar;
import org.dprktrade.briefing.web.ServeEnvironment;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code serve}: starts the scheduler and runs until stopped (Ctrl-C or SIGTERM). On SIGTERM a running
 * briefing is let finish before the process ends.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the scheduler: run and deliver each quarter's briefing on the configured cron.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    DataFolderOptions folders;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> args = new ArrayList<>(folders.asSpringArguments());
        // a service's log belongs on its console (journald, docker logs) as well as in the log file
        args.add("--logging.threshold.console=INFO");
        // ...but a failure to start is the one line the command prints, not a stack trace on the terminal
        args.add("--logging.level.org.springframework.boot.SpringApplication=OFF");
        ConfigurableApplicationContext context;
        try {
            context = SpringLauncher.startServing(args);
        } catch (SpringLauncher.StartupFailure e) {
            if (e.getCause() instanceof ServeEnvironment.MissingPasswordException) {
                spec.commandLine().getErr().println("briefing: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            throw e;
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        context.getBean(StaleExecutions.class).recover();
        Date next = context.getBean(ScheduleRegistrar.class).start();
        ScheduleProperties schedule = context.getBean(ScheduleProperties.class);
        out.println("serving: cron '" + schedule.cron() + "' in " + schedule.timeZone() + "; next fire "
                + (next == null ? "never" : next.toInstant()) + console(context) + "; stop with Ctrl-C or SIGTERM");
        out.flush();
        closed.await();
        return ExitCodes.OK;
    }

    /** Where the console listens, when there is one. */
    private static String console(ConfigurableApplicationContext context) {
        if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String address = context.getEnvironment().getProperty("server.address", "localhost");
            return "; console at http://" + (address.contains(":") ? "[" + address + "]" : address) + ":"
                    + web.getWebServer().getPort() + "/";
        }
        return "; no console (briefing.console.enabled=false)";
    }
}
