package org.dprktrade.briefing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.dprktrade.briefing.job.ExitCodes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./briefing} (SPEC section 9), as a user runs it: needs the built jar ({@code mvn package}, which
 * failsafe's phase follows). Exit codes and messages pass through unchanged, and a missing or stale archive
 * or a folder with spaces in its path is no reason for a JVM warning.
 */
class LauncherFunctionalTests {

    private static final Path LAUNCHER = Path.of("briefing").toAbsolutePath();
    private static final Path JAR = Path.of("target", "briefing.jar").toAbsolutePath();

    @TempDir
    Path work;

    record Result(int exitCode, String out, String err) {
    }

    @Test
    void passesAUsageErrorsExitCodeAndItsOneLineThrough() throws Exception {
        Result result = launch(LAUNCHER, work, Map.of(), "run", "--period", "2014-Q5", "--reports",
                work.resolve("reports").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).contains("'2014-Q5' is not a quarter");
        assertThat(work.resolve("reports")).doesNotExist();
    }

    @Test
    void runsACopyInAFolderWithSpacesFromAnotherDirectoryWithoutAWord() throws Exception {
        // a copy without target/app: the launcher extracts it and runs without an archive, silently
        Path root = Files.createDirectories(work.resolve("my briefing"));
        Files.createDirectories(root.resolve("target"));
        Files.copy(LAUNCHER, root.resolve("briefing"));
        Files.copy(JAR, root.resolve("target").resolve("briefing.jar"));
        Path elsewhere = Files.createDirectories(work.resolve("somewhere else"));
        Path reports = work.resolve("reports with space");

        Result result = launch(root.resolve("briefing"), elsewhere, Map.of("JAVA_OPTS", "-Xmx192m"), "history",
                "--reports", reports.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out().strip()).isEqualTo("no runs yet");
        assertThat(root.resolve("target/app/briefing.jar")).isRegularFile();
        assertThat(root.resolve("target/app/lib")).isDirectory();

        // a stale archive (made for another path) is skipped without a warning too
        Files.writeString(root.resolve("target/app/briefing.jsa"), "not an archive");
        Result again = launch(root.resolve("briefing"), elsewhere, Map.of(), "history", "--reports",
                reports.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).isEmpty();
    }

    @Test
    void saysHowToBuildWhenTheJarIsMissing() throws Exception {
        Path root = Files.createDirectories(work.resolve("unbuilt"));
        Files.copy(LAUNCHER, root.resolve("briefing"));

        Result result = launch(root.resolve("briefing"), work, Map.of(), "history");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("briefing: " + root.resolve("target").resolve("briefing.jar")
                + " not found; build it first: mvn -B -q package -DskipTests");
    }

    private static Result launch(Path launcher, Path directory, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(env);
        File out = directory.resolve(".launcher.out").toFile();
        File err = directory.resolve(".launcher.err").toFile();
        Process process = builder.redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./briefing did not end within 5 minutes");
        }
        Result result = new Result(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
        Files.delete(out.toPath());
        Files.delete(err.toPath());
        return result;
    }
}
