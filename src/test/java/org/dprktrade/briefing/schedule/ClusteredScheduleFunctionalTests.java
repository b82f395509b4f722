package org.dprktrade.briefing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.dprktrade.briefing.cli.BriefingCli;
import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.testing.FixtureWorkbooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} instances in their own JVMs on one PostgreSQL database (profile postgres, clustered
 * Quartz, a cron firing every 2 seconds) and one shared reports folder: the quarter that ended before now
 * runs and is delivered once however many fires pass, and when the instance running it is killed the other
 * recovers the fire and completes the quarter. Skipped without {@code BRIEFING_TEST_POSTGRES_URL}.
 */
class ClusteredScheduleFunctionalTests {

    @TempDir
    Path work;

    private PostgresTestDatabase db;
    private Path input;
    private Path reports;
    private Quarter expected;

    @BeforeEach
    void freshDatabaseAndFolders() throws Exception {
        db = PostgresTestDatabase.create(); // first: skips the test at once without PostgreSQL
        input = Files.createDirectories(work.resolve("input"));
        reports = Files.createDirectories(work.resolve("reports"));
        expected = Quarter.containing(LocalDate.now(ZoneOffset.UTC)).previous();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void twoInstancesRunAndDeliverTheQuarterOnceHoweverManyFiresPass() throws Exception {
        FixtureWorkbooks.write(input, expected.firstMonth().minusMonths(12), expected.lastMonth());
        try (Node a = new Node("node-a"); Node b = new Node("node-b")) {
            // both start at once on the empty database: Flyway's lock lets one create the tables
            await(() -> a.says("serving:") && b.says("serving:"), Duration.ofSeconds(120), a, b);

            await(() -> a.count(SKIPPED) + b.count(SKIPPED) >= 3, Duration.ofSeconds(60), a, b);

            assertThat(a.count("running " + expected) + b.count("running " + expected)).isEqualTo(1);
            assertThat(db.jdbc().queryForList("SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE", String.class))
                    .containsExactlyInAnyOrder("node-a", "node-b");
            assertThat(executions()).containsExactly(expected + " COMPLETED");
            assertThat(db.jdbc().queryForList("SELECT PERIOD FROM BRIEFING_SCHEDULED_DELIVERY", String.class))
                    .containsExactly(expected.toString());
            assertThat(db.jdbc().queryForList("SELECT STATUS FROM BRIEFING_DELIVERY", String.class))
                    .containsExactly("SENT");
            assertThat(outbox()).singleElement().asString().startsWith(expected + "-").endsWith(".eml");
        }
    }

    @Test
    void whenTheInstanceRunningTheQuarterIsKilledTheOtherRecoversItAndCompletesIt() throws Exception {
        FixtureWorkbooks.write(input, expected.firstMonth().minusMonths(12), expected.lastMonth());
        FixtureWorkbooks.writeLargeGrain(input.resolve("grain.xlsx"), 400_000); // slow enough to kill mid-step
        try (Node a = new Node("node-a"); Node b = new Node("node-b")) {
            await(() -> a.says("running " + expected) || b.says("running " + expected), Duration.ofSeconds(120), a, b);
            Node victim = a.says("running " + expected) ? a : b;
            Node survivor = victim == a ? b : a;
            await(() -> victim.says("Executing step: [ingestGrain]"), Duration.ofSeconds(60), a, b);

            victim.kill();

            await(() -> survivor.says(expected + ": " + expected + ": reports written to"), Duration.ofSeconds(120),
                    a, b);
            // Quartz found the victim dead and fired its job again (requestRecovery), for the same fire time
            assertThat(survivor.output()).contains("recovered fire of " + victim.firstFire())
                    .contains("was left STARTED by a process that ended; marked FAILED");
            assertThat(executions()).containsExactly(expected + " FAILED", expected + " COMPLETED");
            try (Stream<Path> files = Files.list(reports.resolve(expected.toString()))) {
                // the four reports and their completion manifest, no temporary file
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                        "briefing-" + expected + ".pdf", "briefing-" + expected + ".xlsx",
                        "indicators-" + expected + ".csv", "data-quality-" + expected + ".csv", ".manifest");
            }
            assertThat(outbox()).singleElement().asString().startsWith(expected + "-");
            String history = command("history", "--reports", reports.toString());
            assertThat(history.lines().filter(l -> l.contains(expected.toString()))).hasSize(2)
                    .anyMatch(l -> l.contains("FAILED")).anyMatch(l -> l.contains("COMPLETED") && l.contains("SENT 1/1"));
        }
    }

    private static final String SKIPPED = "was already delivered by the schedule; skipped";

    /** "period STATUS" of every execution, oldest first. */
    private List<String> executions() {
        return db.jdbc().queryForList("SELECT p.PARAMETER_VALUE || ' ' || e.STATUS FROM BATCH_JOB_EXECUTION e "
                + "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
                + "WHERE p.PARAMETER_NAME = 'period' ORDER BY e.JOB_EXECUTION_ID", String.class);
    }

    private List<String> outbox() throws IOException {
        try (Stream<Path> files = Files.list(reports.resolve("outbox"))) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** Runs a command in a child JVM on the test's database and returns what it printed. */
    private String command(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
                BriefingCli.class.getName()));
        command.addAll(List.of(arguments));
        command.addAll(List.of(db.springArguments()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(db.childEnvironment());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    /**
     * One {@code serve} instance in its own JVM, started from the repository root (it reads config/), with
     * its own Quartz instance id and log folder; the input and reports folders are shared.
     */
    private final class Node implements AutoCloseable {

        private final Process process;
        private final Path out;

        Node(String id) throws IOException {
            Path state = Files.createDirectories(work.resolve("state-" + id));
            out = state.resolve("console.out");
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-cp",
                    System.getProperty("java.class.path"), BriefingCli.class.getName(), "serve",
                    "--input", input.toString(), "--reports", reports.toString()));
            command.addAll(List.of(db.springArguments()));
            command.addAll(List.of("--briefing.state-dir=" + state, "--briefing.console.enabled=false",
                    "--briefing.schedule.cron=0/2 * * * * ?",
                    "--spring.quartz.properties.org.quartz.scheduler.instanceId=" + id,
                    // found dead about 1 s + 7.5 s after its last check-in
                    "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000",
                    "--spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().putAll(db.childEnvironment());
            process = builder.start();
        }

        String output() {
            try {
                return Files.exists(out) ? Files.readString(out) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean says(String text) {
            return output().contains(text);
        }

        /** The fire time of its first fire, as logged: "scheduled fire of <time>: ...". */
        String firstFire() {
            String line = output().lines().filter(l -> l.contains("scheduled fire of ")).findFirst().orElseThrow();
            String from = line.substring(line.indexOf("scheduled fire of ") + "scheduled fire of ".length());
            return from.substring(0, from.indexOf(": "));
        }

        long count(String text) {
            return output().lines().filter(l -> l.contains(text)).count();
        }

        /** SIGKILL: no shutdown hook, no lock released, the execution left STARTED. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }

        @Override
        public String toString() {
            return out + ":\n" + output();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits for the condition; on timeout fails showing what the instances printed. */
    private static void await(BooleanSupplier condition, Duration timeout, Node... nodes) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(() -> "waited " + timeout + "; instances printed:\n"
                    + String.join("\n", Stream.of(nodes).map(Node::toString).toList())).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
