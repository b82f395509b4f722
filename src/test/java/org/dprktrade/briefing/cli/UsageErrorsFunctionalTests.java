package org.dprktrade.briefing.cli;

import org.dprktrade.briefing.job.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad arguments exit 2 with one line, before Spring or the database is touched. */
class UsageErrorsFunctionalTests {

    @TempDir
    Path reports;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "run --period 2014-Q5          | '2014-Q5' is not a quarter",
            "run --period 14-Q3            | '14-Q3' is not a quarter",
            "run --from 2014-Q3 --to 2014-Q1 | --to 2014-Q1 is before --from 2014-Q3",
            "run                           | a quarter is required",
            "run --period 2014-Q3 --from 2014-Q1 --to 2014-Q2 | either --period or --from and --to",
            "run --from 2014-Q1            | a quarter is required",
            "frobnicate                    | Unmatched argument",
            "\"\"                          | a command is required"})
    void badArgumentsExitTwoWithOneLineAndWriteNothing(String arguments, String expected) {
        String[] args = arguments.isBlank() ? new String[0]
                : (arguments.trim() + " --reports " + reports).split("\\s+");
        CommandResult result = CommandResult.run(args);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains(expected);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.out()).isEmpty();
        assertThat(reports).isEmptyDirectory();
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        CommandResult result = CommandResult.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("run", "validate", "history", "Exit codes");
    }
}
