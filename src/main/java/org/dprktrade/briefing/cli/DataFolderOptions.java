package org.dprktrade.briefing.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** {@code --input} and {@code --reports}, shared by every command that reads or writes data. */
final class DataFolderOptions {

    @Option(names = "--input", paramLabel = "DIR", description = "Folder of the input workbooks (default: briefing.input-dir, input/).")
    Path input;

    @Option(names = "--reports", paramLabel = "DIR", description = "Folder that receives the reports and keeps run history (default: briefing.reports-dir, reports/).")
    Path reports;

    /** The options as Spring properties, which outrank every configuration file. */
    List<String> asSpringArguments() {
        List<String> args = new ArrayList<>();
        if (input != null) {
            args.add("--briefing.input-dir=" + input);
        }
        if (reports != null) {
            args.add("--briefing.reports-dir=" + reports);
        }
        return args;
    }
}
