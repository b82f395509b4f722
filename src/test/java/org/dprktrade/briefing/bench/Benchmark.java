package org.dprktrade.briefing.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark of issue 14: generates grain workbooks of 10 k, 100 k and 1 M rows into {@code target/bench/}
 * (fixed seed, so every run reads the same files), then, for each size and each of {@code runs} rounds,
 * runs in separate JVMs so that heap limits and peaks are real:
 * <ul>
 * <li>{@code poi-sax}: POI's {@code XSSFSheetXMLHandler} summing the rows (the baseline), {@code -Xmx1g};</li>
 * <li>{@code ingest}: the product's reader summing into the job's figures, {@code -Xmx128m};</li>
 * <li>{@code job}: {@code ./briefing run --period 2014-Q3} with {@code JAVA_OPTS=-Xmx256m} on the workbook plus
 * the three other sample workbooks, reports included (wall time of the whole process, and the
 * {@code ingestGrain} step's own time from the log).</li>
 * </ul>
 * and, on the sample data ({@code input/}), {@code ./briefing run --period 2014-Q3} against
 * {@code java -jar target/briefing.jar run --period 2014-Q3}, alternately. Prints medians of wall time,
 * rows/s, the heap peak from the child's GC log (the most used just before any collection, and the most
 * still live just after one), then the ratios of the issue: launcher / plain jar on the sample; whole 1 M
 * run / POI's handler (whole processes); ingest alone / POI's handler (own times). Needs the build's
 * {@code target/briefing.jar} and {@code target/app}: run with {@code mvn -B -Pbench verify}, or
 * {@code java -cp <test classpath> org.dprktrade.briefing.bench.Benchmark [runs] [sizes,…]} after
 * {@code mvn package}.
 */
public final class Benchmark {

    private static final long SEED = 20140930L;
    private static final Path DIR = Path.of("target", "bench");
    private static final Path JAR = Path.of("target", "briefing.jar");
    private static final Path LAUNCHER = Path.of("briefing");

    private Benchmark() {
    }

    /** One child run: its wall time, its own reported time (or -1) and its GC-log heap figures. */
    record Run(long wallMillis, long ownMillis, long peakBeforeGc, long maxLiveAfterGc, String output) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            for (String size : args[i].split(",")) {
                sizes.add(Integer.parseInt(size.strip()));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 100_000, 1_000_000);
        }
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run mvn package first");
        }
        Files.createDirectories(DIR);
        String machine = String.format(Locale.ROOT, "machine: %d cores, %s %s, load at start %s",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), loadAverage());
        System.out.println(machine);
        List<String> lines = new ArrayList<>();
        List<String> ratios = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-9s %-8s %6s %10s %10s %12s %11s %11s", "rows", "reader", "-Xmx",
                "wall ms", "own ms", "rows/s", "peak MiB", "live MiB"));
        for (int size : sizes) {
            Path workbook = DIR.resolve("grain-" + size + ".xlsx");
            GrainWorkbookGenerator.write(workbook, size, SEED);
            // alternate the three so that a change of load touches each alike
            List<Run> baselines = new ArrayList<>();
            List<Run> ingests = new ArrayList<>();
            List<Run> jobs = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                baselines.add(probe("poi-sax", workbook, "1g"));
                ingests.add(probe("ingest", workbook, "128m"));
                jobs.add(job(size, workbook));
            }
            Run baseline = median(baselines);
            Run ingest = median(ingests);
            Run job = median(jobs);
            List<String> block = List.of(line(size, "poi-sax", "1g", baseline), line(size, "ingest", "128m", ingest),
                    line(size, "job", "256m", job));
            block.forEach(System.out::println);
            lines.addAll(block);
            ratios.add(String.format(Locale.ROOT, "%-9d whole run (./briefing, -Xmx256m) / POI handler, whole processes:"
                    + " %.2f (%d / %d ms wall)", size, ratio(job.wallMillis(), baseline.wallMillis()), job.wallMillis(),
                    baseline.wallMillis()));
            ratios.add(String.format(Locale.ROOT, "%-9d ingest alone / POI handler, own times: %.2f (%d / %d ms)", size,
                    ratio(ingest.ownMillis(), baseline.ownMillis()), ingest.ownMillis(), baseline.ownMillis()));
            System.out.println(ratios.get(ratios.size() - 2));
            System.out.println(ratios.get(ratios.size() - 1));
        }
        List<Run> plain = new ArrayList<>();
        List<Run> launched = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            plain.add(sampleRun(false));
            launched.add(sampleRun(true));
        }
        Run jar = median(plain);
        Run launcher = median(launched);
        lines.add(String.format(Locale.ROOT, "sample    java -jar target/briefing.jar run --period 2014-Q3: %6d ms wall,"
                + " peak %.1f MiB", jar.wallMillis(), jar.peakBeforeGc() / 1048576.0));
        lines.add(String.format(Locale.ROOT, "sample    ./briefing run --period 2014-Q3:                  %6d ms wall,"
                + " peak %.1f MiB", launcher.wallMillis(), launcher.peakBeforeGc() / 1048576.0));
        ratios.add(0, String.format(Locale.ROOT, "sample    ./briefing / java -jar: %.2f (%d / %d ms wall)",
                ratio(launcher.wallMillis(), jar.wallMillis()), launcher.wallMillis(), jar.wallMillis()));
        System.out.println();
        System.out.println(machine + "; load after the runs " + loadAverage());
        System.out.println("ratios (goal: sample <= 0.5; whole 1 M run <= 1.0), medians of " + runs + " runs:");
        ratios.forEach(System.out::println);
        System.out.println("peak = most heap used before a GC, live = most left after one:");
        lines.forEach(System.out::println);
    }

    private static double ratio(long a, long b) {
        return (double) a / b;
    }

    private static String line(int size, String reader, String xmx, Run run) {
        long millis = run.ownMillis() > 0 ? run.ownMillis() : run.wallMillis();
        return String.format(Locale.ROOT, "%-9d %-8s %6s %10d %10d %12.0f %11.1f %11.1f", size, reader, xmx,
                run.wallMillis(), run.ownMillis(), size * 1000.0 / millis, run.peakBeforeGc() / 1048576.0,
                run.maxLiveAfterGc() / 1048576.0);
    }

    private static Run median(List<Run> all) {
        int runs = all.size();
        List<Run> byOwn = new ArrayList<>(all);
        byOwn.sort((a, b) -> Long.compare(a.ownMillis(), b.ownMillis()));
        List<Run> byWall = new ArrayList<>(all);
        byWall.sort((a, b) -> Long.compare(a.wallMillis(), b.wallMillis()));
        long peak = all.stream().mapToLong(Run::peakBeforeGc).max().orElse(0);
        long live = all.stream().mapToLong(Run::maxLiveAfterGc).max().orElse(0);
        return new Run(byWall.get(runs / 2).wallMillis(), byOwn.get(runs / 2).ownMillis(), peak, live, "");
    }

    private static Run probe(String mode, Path workbook, String xmx) throws Exception {
        Run run = child(List.of(java(), "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"),
                IngestProbe.class.getName(), mode, workbook.toString()), mode);
        Matcher m = Pattern.compile("millis=(\\d+)").matcher(run.output());
        long own = m.find() ? Long.parseLong(m.group(1)) : -1;
        // a short run may see no collection at all: then the pools' own peak is all there is
        Matcher p = Pattern.compile("peakHeapBytes=(\\d+)").matcher(run.output());
        long peak = Math.max(run.peakBeforeGc(), p.find() ? Long.parseLong(p.group(1)) : 0);
        return new Run(run.wallMillis(), own, peak, run.maxLiveAfterGc(), run.output());
    }

    private static Run job(int size, Path workbook) throws Exception {
        Path input = DIR.resolve("input-" + size);
        Files.createDirectories(input);
        Files.copy(workbook, input.resolve("grain.xlsx"), StandardCopyOption.REPLACE_EXISTING);
        for (String other : List.of("fertilizer.xlsx", "labor.xlsx", "oil.xlsx")) {
            Files.copy(Path.of("input", other), input.resolve(other), StandardCopyOption.REPLACE_EXISTING);
        }
        Path reports = DIR.resolve("reports-" + size);
        Run run = launch(List.of("run", "--period", "2014-Q3", "--input", input.toString(), "--reports",
                reports.toString(), "--briefing.delivery.mode=none"), "-Xmx256m", "job");
        String log = Files.readString(reports.resolve(".state").resolve("briefing.log"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("Step: \\[ingestGrain\\] executed in (?:(\\d+)s)?(\\d+)ms").matcher(log);
        long own = -1;
        while (m.find()) {
            own = (m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 1000) + Long.parseLong(m.group(2));
        }
        return new Run(run.wallMillis(), own, run.peakBeforeGc(), run.maxLiveAfterGc(), run.output());
    }

    private static Run sampleRun(boolean launcher) throws Exception {
        List<String> args = List.of("run", "--period", "2014-Q3", "--reports",
                DIR.resolve(launcher ? "reports-sample-launcher" : "reports-sample-jar").toString());
        if (launcher) {
            return launch(args, "", "sample-launcher");
        }
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        command.addAll(args);
        return child(command, "sample-jar");
    }

    /** {@code ./briefing} with the GC log and {@code javaOpts} in {@code JAVA_OPTS}, as a user would add them. */
    private static Run launch(List<String> args, String javaOpts, String name) throws Exception {
        Path gcLog = DIR.resolve("gc-" + name + ".log");
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_OPTS", (javaOpts + " -Xlog:gc:file=" + gcLog).strip());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return run(pb, command, gcLog);
    }

    private static Run child(List<String> command, String name) throws Exception {
        Path gcLog = DIR.resolve("gc-" + name + ".log");
        List<String> withLog = new ArrayList<>(command);
        withLog.add(1, "-Xlog:gc:file=" + gcLog);
        return run(new ProcessBuilder(withLog).redirectErrorStream(true), command, gcLog);
    }

    private static Run run(ProcessBuilder pb, List<String> command, Path gcLog) throws Exception {
        long start = System.nanoTime();
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        long[] heap = heapFromGcLog(gcLog);
        return new Run(wall, -1, heap[0], heap[1], output);
    }

    // e.g. "GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(128M) 2.345ms"
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\(");

    static long[] heapFromGcLog(Path gcLog) throws IOException {
        long peak = 0;
        long live = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, bytes(m.group(1), m.group(2)));
                live = Math.max(live, bytes(m.group(3), m.group(4)));
            }
        }
        return new long[] {peak, live};
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
