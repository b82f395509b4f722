package org.dprktrade.briefing.cli;

import org.dprktrade.briefing.job.ExitCodes;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.dprktrade.briefing.delivery.DeliveryOutcome;
import org.dprktrade.briefing.delivery.DeliveryResult;
import org.dprktrade.briefing.state.Redelivery;
import org.dprktrade.briefing.period.Quarter;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deliver --period P}: sends a period's existing reports again, without recomputing them. */
@Command(name = "deliver", mixinStandardHelpOptions = true,
        description = "Send the existing reports of a period again (after a delivery failure), to the recipients "
                + "that did not get them.")
final class DeliverCommand implements Callable<Integer> {

    @Option(names = "--period", required = true, paramLabel = "YYYY-Qn", description = "The quarter, e.g. 2014-Q3, "
            + "or latest: the quarter that has most recently ended in briefing.schedule.time-zone.")
    PeriodArgument period;

    @Mixin
    DataFolderOptions folders;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ConfigurableApplicationContext context = SpringLauncher.startApplication(folders.asSpringArguments())) {
            DeliveryResult result;
            try {
                result = context.getBean(Redelivery.class).deliver(period.resolve(context));
            } catch (Redelivery.NothingToDeliverException e) {
                err.println("briefing: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
            if (result.outcome() == DeliveryOutcome.FAILED) {
                err.println("briefing: " + result.summary());
                return ExitCodes.DELIVERY_FAILED;
            }
            out.println(result.summary());
            return ExitCodes.OK;
        }
    }
}
