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
 * The scale benchmark: generates grain workbooks of 10 k, 100 k and 1 M rows into {@code target/bench/}
 * (fixed seed, so every run reads the same files), then, for each size and each of {@code runs} rounds,
 * runs in separate JVMs so that heap limits and peaks are real:
 * <ul>
 * <li>{@code poi-sax}: POI's {@code XSSFSheetXMLHandler} summing the rows (the baseline), {@code -Xmx1g};</li>
 * <li>{@code ingest}: the product's reader summing into the job's figures, {@code -Xmx128m};</li>
 * <li>{@code job}: {@code java -Xmx256m -jar target/briefing.jar run --period 2014-Q3} on the workbook plus
 * the three other sample workbooks, reports included (wall time of the whole process, and the
 * {@code ingestGrain} step's own time from the log).</li>
 * </ul>
 * Also times the plain sample run ({@code run --period 2014-Q3} on {@code input/}). Prints medians of
 * wall time, rows/s, and the heap peak from the child's GC log (the most used just before any
 * collection, and the most still live just after one). Needs {@code target/briefing.jar}: run with
 * {@code mvn -B -Pbench verify}, or {@code java -cp <test classpath> org.dprktrade.briefing.bench.Benchmark
 * [runs] [sizes,…]} after {@code mvn package}.
 */
public final class Benchmark {

    private static final long SEED = 20140930L;
    private static final Path DIR = Path.of("target", "bench");
    private static final Path JAR = Path.of("target", "briefing.jar");

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
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, load %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), loadAverage());
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-9s %-8s %6s %10s %10s %12s %11s %11s", "rows", "reader", "-Xmx",
                "wall ms", "own ms", "rows/s", "peak MiB", "live MiB"));
        for (int size : sizes) {
            Path workbook = DIR.resolve("grain-" + size + ".xlsx");
            GrainWorkbookGenerator.write(workbook, size, SEED);
            Run baseline = median(runs, () -> probe("poi-sax", workbook, "1g"));
            Run ingest = median(runs, () -> probe("ingest", workbook, "128m"));
            Run job = median(runs, () -> job(size, workbook));
            lines.add(line(size, "poi-sax", "1g", baseline));
            lines.add(line(size, "ingest", "128m", ingest));
            lines.add(line(size, "job", "256m", job));
            lines.add(String.format(Locale.ROOT, "%-9s ingest is %.1fx as fast as poi-sax", "",
                    (double) baseline.ownMillis() / ingest.ownMillis()));
            System.out.println(lines.get(lines.size() - 4));
            System.out.println(lines.get(lines.size() - 3));
            System.out.println(lines.get(lines.size() - 2));
            System.out.println(lines.get(lines.size() - 1));
        }
        Run sample = median(runs, Benchmark::sampleRun);
        lines.add(String.format(Locale.ROOT, "sample data, run --period 2014-Q3 (java -jar, default heap): %d ms wall",
                sample.wallMillis()));
        System.out.println();
        System.out.println("medians of " + runs + " runs; peak = most heap used before a GC, live = most left after one");
        lines.forEach(System.out::println);
        System.out.println("load after the runs: " + loadAverage());
    }

    private static String line(int size, String reader, String xmx, Run run) {
        long millis = run.ownMillis() > 0 ? run.ownMillis() : run.wallMillis();
        return String.format(Locale.ROOT, "%-9d %-8s %6s %10d %10d %12.0f %11.1f %11.1f", size, reader, xmx,
                run.wallMillis(), run.ownMillis(), size * 1000.0 / millis, run.peakBeforeGc() / 1048576.0,
                run.maxLiveAfterGc() / 1048576.0);
    }

    private interface Child {
        Run run() throws Exception;
    }

    private static Run median(int runs, Child child) throws Exception {
        List<Run> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            all.add(child.run());
        }
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
        Run run = child(List.of(java(), "-Xmx256m", "-jar", JAR.toString(), "run", "--period", "2014-Q3",
                "--input", input.toString(), "--reports", reports.toString()), "job");
        String log = Files.readString(reports.resolve(".state").resolve("briefing.log"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("Step: \\[ingestGrain\\] executed in (?:(\\d+)s)?(\\d+)ms").matcher(log);
        long own = -1;
        while (m.find()) {
            own = (m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 1000) + Long.parseLong(m.group(2));
        }
        return new Run(run.wallMillis(), own, run.peakBeforeGc(), run.maxLiveAfterGc(), run.output());
    }

    private static Run sampleRun() throws Exception {
        return child(List.of(java(), "-jar", JAR.toString(), "run", "--period", "2014-Q3", "--reports",
                DIR.resolve("reports-sample").toString()), "sample");
    }

    private static Run child(List<String> command, String name) throws Exception {
        Path gcLog = DIR.resolve("gc-" + name + ".log");
        List<String> withLog = new ArrayList<>(command);
        withLog.add(1, "-Xlog:gc:file=" + gcLog);
        ProcessBuilder pb = new ProcessBuilder(withLog).redirectErrorStream(true);
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
