package org.dprktrade.briefing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dprktrade.briefing.job.ExitCodes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line beside a running {@code serve} on the default H2 state, with real processes: commands
 * work while it serves and their runs show in its API; a {@code kill -9} of either side never locks the
 * other out; a {@code serve} started while a command holds the database waits for it instead of breaking.
 */
class ServeBesideCommandsFunctionalTests {

    private static final String PASSWORD = "functional-test-password";
    private static final Pattern CONSOLE = Pattern.compile("console at http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void commandsRunBesideServeShowInItsApiAndSurviveItsKill() throws Exception {
        Path reports = work.resolve("reports");
        Process serve = serve(reports, "serve.out");
        try {
            int port = awaitPort(work.resolve("serve.out"));

            CommandResult run = CommandResult.run("run", "--period", "2014-Q3", "--input", "input", "--reports",
                    reports.toString(), "--briefing.delivery.mode=none");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("2014-Q3: reports written to " + reports.resolve("2014-Q3"));
            CommandResult history = CommandResult.run("history", "--reports", reports.toString());
            assertThat(history.exitCode()).isZero();
            assertThat(history.out()).containsPattern("2014-Q3\\s+COMPLETED");

            String runs = get(port, "/api/runs");
            assertThat(runs).contains("\"period\":\"2014-Q3\",\"status\":\"COMPLETED\",\"trigger\":\"manual\"");

            serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            CommandResult after = CommandResult.run("history", "--reports", reports.toString());
            assertThat(after.exitCode()).as(after.err()).isZero();
            assertThat(after.out()).containsPattern("2014-Q3\\s+COMPLETED");
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void serveStartedWhileACommandHoldsTheDatabaseWaitsAndAKilledCommandNeverLocksItOut() throws Exception {
        Path reports = work.resolve("reports");
        assertThat(CommandResult.run("run", "--period", "2014-Q2", "--input", "input", "--reports", reports.toString(),
                "--briefing.delivery.mode=none").exitCode()).isZero();
        // a command that opened the file first and is still busy with it, as long as the test likes
        Process command = java(List.of(DatabaseHolder.class.getName(), reports.resolve(".state/briefing").toString()),
                "holder.out");
        Process serve = null;
        try {
            awaitText(work.resolve("holder.out"), "holding");
            serve = serve(reports, "serve.out");
            awaitText(reports.resolve(".state/briefing.log"), "another briefing command is using the state database");
            assertThat(Files.readString(work.resolve("serve.out"))).doesNotContain("serving:");

            command.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            int port = awaitPort(work.resolve("serve.out"));
            assertThat(get(port, "/actuator/health")).contains("\"status\":\"UP\"");
            assertThat(get(port, "/api/runs")).contains("\"period\":\"2014-Q2\",\"status\":\"COMPLETED\"");
            assertThat(serve.isAlive()).isTrue();
        } finally {
            command.destroyForcibly();
            if (serve != null) {
                serve.destroy();
                serve.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void serveWithoutAConsolePasswordRefusesWithOneLineAndExit2() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("BRIEFING_CONSOLE_PASSWORD") == null
                && System.getProperty("BRIEFING_CONSOLE_PASSWORD") == null, "the password is set here");

        CommandResult result = CommandResult.run("serve", "--reports", work.resolve("reports").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("briefing: set the environment variable BRIEFING_CONSOLE_PASSWORD to the "
                + "console operator's password (or run without the console: briefing.console.enabled=false)"
                + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    /** Opens the state file the way a command does and keeps it open until killed. */
    public static final class DatabaseHolder {
        public static void main(String[] args) throws Exception {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + args[0]
                    + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "")) {
                System.out.println("holding " + args[0]);
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
        }
    }

    private Process serve(Path reports, String out) throws IOException {
        return child(List.of("serve", "--input", "input", "--reports", reports.toString(), "--server.port=0",
                "--briefing.delivery.mode=none"), out);
    }

    private Process child(List<String> args, String out) throws IOException {
        List<String> all = new ArrayList<>(List.of(BriefingCli.class.getName()));
        all.addAll(args);
        return java(all, out);
    }

    private Process java(List<String> args, String out) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(out).toFile());
        builder.environment().put("BRIEFING_CONSOLE_PASSWORD", PASSWORD);
        return builder.start();
    }

    private String get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("operator:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static int awaitPort(Path out) throws Exception {
        awaitText(out, "serving:");
        Matcher m = CONSOLE.matcher(Files.readString(out));
        assertThat(m.find()).as(Files.readString(out)).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static void awaitText(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!(Files.exists(file) && Files.readString(file).contains(text))) {
            assertThat(System.nanoTime()).as("waiting for '%s' in %s", text, file).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
