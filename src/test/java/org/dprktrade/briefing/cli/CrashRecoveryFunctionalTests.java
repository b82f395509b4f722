package org.dprktrade.briefing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.dprktrade.briefing.testing.FixtureWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals to a real child JVM in the middle of a run. After {@code kill -9} the next run finds the
 * execution the dead process left STARTED, marks it FAILED and completes the period with a full set of
 * reports; SIGTERM ends the run STOPPED at a chunk boundary.
 */
class CrashRecoveryFunctionalTests {

    @TempDir
    Path input;

    @TempDir
    Path reports;

    @Test
    void aRunKilledMidwayIsMarkedFailedAndTheRerunCompletes() throws Exception {
        FixtureWorkbooks.writeSampleWithLargeGrain(input, 400_000);

        Process child = startRun();
        Path log = reports.resolve(".state/briefing.log");
        awaitLine(log, "Executing step: [ingestGrain]", Duration.ofSeconds(60));
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(reports.resolve("2014-Q3/briefing-2014-Q3.pdf")).doesNotExist();

        CommandResult rerun = CommandResult.run("run", "--period", "2014-Q3", "--input", input.toString(),
                "--reports", reports.toString());

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(reports.resolve("2014-Q3/briefing-2014-Q3.pdf")).isNotEmptyFile();
        assertThat(reports.resolve("2014-Q3/indicators-2014-Q3.csv")).content()
                .startsWith("period,dataset,category,indicator,value,unit")
                .contains("2014-Q3,grain,all,quantity_t,");
        try (var files = Files.list(reports.resolve("2014-Q3"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        String history = CommandResult.run("history", "--reports", reports.toString()).out();
        assertThat(history.lines().filter(l -> l.contains("2014-Q3"))).hasSize(2)
                .anyMatch(l -> l.contains("FAILED")).anyMatch(l -> l.contains("COMPLETED"));
        assertThat(Files.readString(log)).contains("was left STARTED by a process that ended; marked FAILED");
    }

    @Test
    void sigtermStopsTheRunAsStoppedAndTheRerunCompletes() throws Exception {
        FixtureWorkbooks.writeSampleWithLargeGrain(input, 400_000);
        Process child = startRun();
        Path log = reports.resolve(".state/briefing.log");
        awaitLine(log, "Executing step: [ingestGrain]", Duration.ofSeconds(60));

        child.destroy(); // SIGTERM
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(Files.readString(reports.resolve("child.out"))).contains("2014-Q3: stopped before it finished");
        String history = CommandResult.run("history", "--reports", reports.toString()).out();
        assertThat(history.lines().filter(l -> l.contains("2014-Q3"))).singleElement().asString().contains("STOPPED");
        CommandResult rerun = CommandResult.run("run", "--period", "2014-Q3", "--input", input.toString(),
                "--reports", reports.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
    }

    private Process startRun() throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BriefingCli.class.getName(),
                "run", "--period", "2014-Q3", "--input", input.toString(), "--reports", reports.toString())
                .redirectErrorStream(true).redirectOutput(reports.resolve("child.out").toFile()).start();
    }

    private static void awaitLine(Path file, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(Files.exists(file) && Files.readString(file).contains(text))) {
            assertThat(System.nanoTime()).as("waiting for '%s' in %s", text, file).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
