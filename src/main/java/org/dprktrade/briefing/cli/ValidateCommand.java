package org.dprktrade.briefing.cli;

import org.dprktrade.briefing.job.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.dprktrade.briefing.BriefingProperties;
import org.dprktrade.briefing.ingest.Dataset;
import org.dprktrade.briefing.ingest.DatasetReader;
import org.dprktrade.briefing.ingest.Datasets;
import org.dprktrade.briefing.ingest.IngestProperties;
import org.dprktrade.briefing.ingest.InputFileException;
import org.dprktrade.briefing.ingest.RowProblem;
import org.dprktrade.briefing.ingest.InputSummary;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code validate}: reads every input workbook with the same rules as a run and prints each problem,
 * writing nothing. Exits 3 when a run would fail on these inputs.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the input workbooks and print their problems without writing reports.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    DataFolderOptions folders;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Configuration only: no database, no job. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({BriefingProperties.class, IngestProperties.class})
    static class ValidateConfiguration {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ConfigurableApplicationContext context =
                     SpringLauncher.start(ValidateConfiguration.class, folders.asSpringArguments())) {
            BriefingProperties briefing = context.getBean(BriefingProperties.class);
            IngestProperties ingest = context.getBean(IngestProperties.class);
            int exit = ExitCodes.OK;
            for (Dataset dataset : Datasets.from(context.getEnvironment(), ingest)) {
                Path file = briefing.inputDir().resolve(dataset.file());
                if (!dataset.required() && !Files.exists(file)) {
                    out.printf("%s: %s not found: optional, a run leaves it out%n", dataset, file);
                    continue;
                }
                List<RowProblem> problems = new ArrayList<>();
                try {
                    InputSummary summary = DatasetReader.read(file, dataset, ingest, row -> { }, problems::add);
                    problems.forEach(p -> out.println("  " + p.describe()));
                    out.printf("%s: %s, sheet %s: %d rows, %d accepted, %d rejected, %d warnings%n", dataset,
                            file, summary.sheet(), summary.rowsRead(), summary.rowsAccepted(), summary.rowsRejected(),
                            summary.warnings());
                } catch (InputFileException e) {
                    problems.forEach(p -> err.println("  " + p.describe()));
                    err.println("briefing: " + dataset + ": " + e.getMessage());
                    exit = ExitCodes.INPUT_DATA;
                }
            }
            out.flush();
            err.flush();
            if (exit == ExitCodes.OK) {
                out.println("inputs are valid: a run would read them");
            }
            return exit;
        }
    }
}
