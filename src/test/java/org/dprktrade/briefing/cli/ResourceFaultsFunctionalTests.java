package org.dprktrade.briefing.cli;

import org.dprktrade.briefing.job.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.dprktrade.briefing.testing.FixtureWorkbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the machine rather than the data, each produced for real: a full disk (a small tmpfs), a
 * file where the report folder should be, a run beside a running {@code serve}, and two
 * runs of one period started at once in two processes.
 */
class ResourceFaultsFunctionalTests {

    @TempDir
    Path work;

    @Test
    void aFullDiskFailsWithOneLineRemovesTemporaryFilesAndSendsNothing() throws Exception {
        Path reports = Files.createDirectories(work.resolve("reports"));
        Path state = Files.createDirectories(work.resolve("state"));
        assumeTrue(mount(reports, "48k"), "needs root and tmpfs to make a small disk");
        try {
            CommandResult result = CommandResult.run("run", "--period", "2014-Q3", "--input", "input", "--reports",
                    reports.toString(), "--briefing.state-dir=" + state);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.err().strip().lines().findFirst().orElseThrow())
                    .startsWith("briefing: 2014-Q3: run failed: ").containsIgnoringCase("space");
            try (var left = Files.walk(reports)) {
                assertThat(left.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                        .noneMatch(n -> n.endsWith(".tmp"))
                        .noneMatch(n -> n.startsWith("briefing-2014-Q3"))
                        .noneMatch(n -> n.endsWith(".eml") && !n.contains("run-failed"));
            }
        } finally {
            unmount(reports);
        }
    }

    @Test
    void aFileWhereTheReportFolderShouldBeFailsWithOneLineNamingIt() throws IOException {
        Path reports = Files.createDirectories(work.resolve("reports"));
        Files.writeString(reports.resolve("2014-Q3"), "in the way");

        CommandResult result = CommandResult.run("run", "--period", "2014-Q3", "--input", "input", "--reports",
                reports.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("cannot write " + reports.resolve("2014-Q3"));
        assertThat(result.err().strip().lines()).hasSize(1);
        try (var outbox = Files.list(reports.resolve("outbox"))) {
            // the operators hear of it; readers get nothing
            assertThat(outbox.map(p -> p.getFileName().toString())).singleElement().asString()
                    .endsWith("-run-failed.eml");
        }
    }

    /** In child processes, so that the logging system starts as it does for a user, on a real terminal's streams. */
    @Test
    void aReportsFolderUnderAFileStopsEveryCommandWithOneLineAndNothingElse() throws Exception {
        Path file = Files.writeString(work.resolve("not-a-folder"), "a file");
        Path reports = file.resolve("reports");
        String expected = "briefing: cannot create the state folder " + reports.resolve(".state").toAbsolutePath()
                + ": " + file.toAbsolutePath() + " is a file, not a folder";
        for (List<String> command : List.of(List.of("run", "--period", "2014-Q3"), List.of("validate"),
                List.of("history"), List.of("deliver", "--period", "2014-Q3"))) {
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(List.of("--input", "input", "--reports", reports.toString()));
            Process process = javaProcess(args).redirectOutput(work.resolve("out.txt").toFile())
                    .redirectError(work.resolve("err.txt").toFile()).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(String.join(" ", command)).isEqualTo(ExitCodes.FAILURE);
            assertThat(Files.readString(work.resolve("err.txt"))).as(String.join(" ", command))
                    .isEqualTo(expected + System.lineSeparator());
            assertThat(Files.readString(work.resolve("out.txt"))).as(String.join(" ", command)).isEmpty();
        }
    }

    @Test
    void aRunBesideServeUsesItsStateDatabaseInsteadOfBeingRefused() throws Exception {
        // serve owns the state database and serves it to commands run beside it (ServeBesideCommandsFunctionalTests)
        Path reports = work.resolve("reports");
        Process serve = child("serve", "--reports", reports.toString(), "--briefing.console.enabled=false");
        try {
            awaitLine(work.resolve("serve.out"), "serving:", Duration.ofSeconds(180));

            CommandResult result = CommandResult.run("run", "--period", "2014-Q3", "--input", "input", "--reports",
                    reports.toString(), "--briefing.delivery.mode=none");

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            assertThat(reports.resolve("2014-Q3/briefing-2014-Q3.pdf")).exists();
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoRunsOfOnePeriodInTwoProcessesRunOnceAndNeverInterleave() throws Exception {
        Path input = Files.createDirectories(work.resolve("input"));
        FixtureWorkbooks.writeSampleWithLargeGrain(input, 200_000);
        Path reports = work.resolve("reports");

        Process first = child("run", "--period", "2014-Q3", "--input", input.toString(), "--reports", reports.toString());
        Process second = child("run", "--period", "2014-Q3", "--input", input.toString(), "--reports",
                reports.toString());
        assertThat(first.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(300, TimeUnit.SECONDS)).isTrue();

        assertThat(List.of(first.exitValue(), second.exitValue())).containsExactlyInAnyOrder(0, 1);
        String refused = Files.readString(work.resolve((first.exitValue() == 1 ? first : second) == first
                ? "run.out" : "run-2.out"));
        assertThat(refused).contains("is in use by another briefing process");
        assertThat(CommandResult.run("history", "--reports", reports.toString()).out()
                .lines().filter(l -> l.contains("2014-Q3"))).singleElement().asString().contains("COMPLETED");
        assertThat(org.dprktrade.briefing.report.ReportManifest.verify(reports.resolve("2014-Q3"),
                org.dprktrade.briefing.period.Quarter.parse("2014-Q3")).files()).hasSize(4);
    }

    private int children;

    private Process child(String... args) throws IOException {
        String name = args[0] + (children++ == 0 || !args[0].equals("run") ? "" : "-2") + ".out";
        return javaProcess(List.of(args)).redirectErrorStream(true).redirectOutput(work.resolve(name).toFile()).start();
    }

    private static ProcessBuilder javaProcess(List<String> args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BriefingCli.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    private static boolean mount(Path dir, String size) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
                    .redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void unmount(Path dir) throws Exception {
        new ProcessBuilder("umount", dir.toString()).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    }

    private static void awaitLine(Path file, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(Files.exists(file) && Files.readString(file).contains(text))) {
            assertThat(System.nanoTime()).as("waiting for '%s' in %s", text, file).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
