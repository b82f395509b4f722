package org.dprktrade.briefing.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dprktrade.briefing.period.Quarter;
import org.dprktrade.briefing.support.Sha256;

/**
 * The completion mark of a period's reports: {@code <period>/.manifest}, in {@code sha256sum} format
 * ({@code sha256sum -c .manifest} checks it), written last, after every report is in place, and removed
 * before the first is replaced. So a set of reports with a manifest that matches is complete and of
 * one run; a crash between two renames leaves no manifest, and nothing is delivered from such a set.
 */
public final class ReportManifest {

    public static final String NAME = ".manifest";

    private static final Pattern HEADER = Pattern.compile("# briefing (\\S+) run (\\d+)");
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (.+)");

    /** The reports of a period are not a complete set of one run. */
    public static final class IncompleteReportsException extends RuntimeException {
        IncompleteReportsException(String message) {
            super(message);
        }
    }

    /** A verified set: the run that wrote it and its files. */
    public record Complete(long runId, List<Path> files) {
    }

    private ReportManifest() {
    }

    public static Path path(Path periodDir) {
        return periodDir.resolve(NAME);
    }

    static void remove(Path periodDir) throws IOException {
        Files.deleteIfExists(path(periodDir));
    }

    static void write(Path periodDir, Quarter period, long runId, List<Path> files) throws IOException {
        StringBuilder text = new StringBuilder("# briefing " + period + " run " + runId + "\n");
        for (Path file : files) {
            text.append(sha256(file)).append("  ").append(file.getFileName()).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(path(periodDir), (OutputStream out) -> out.write(bytes));
    }

    /**
     * Checks that the period's reports are the complete set of one run.
     *
     * @throws IncompleteReportsException naming what is missing or changed
     */
    public static Complete verify(Path periodDir, Quarter period) {
        Path manifest = path(periodDir);
        String how = "; run the period again (run --period " + period + ")";
        if (!Files.isRegularFile(manifest)) {
            throw new IncompleteReportsException("the reports in " + periodDir
                    + " are not a complete set (no " + NAME + ": a run was interrupted or none finished)" + how);
        }
        try {
            List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
            Matcher header = HEADER.matcher(lines.isEmpty() ? "" : lines.get(0));
            if (!header.matches() || !header.group(1).equals(period.toString())) {
                throw new IncompleteReportsException(manifest + " is not a manifest of " + period + how);
            }
            List<Path> files = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                Matcher m = LINE.matcher(line);
                if (!m.matches()) {
                    throw new IncompleteReportsException(manifest + ": unreadable line '" + line + "'" + how);
                }
                Path file = periodDir.resolve(m.group(2));
                if (!Files.isRegularFile(file) || !sha256(file).equals(m.group(1))) {
                    throw new IncompleteReportsException(file + " is missing or differs from the one run "
                            + header.group(2) + " wrote" + how);
                }
                files.add(file);
            }
            return new Complete(Long.parseLong(header.group(2)), List.copyOf(files));
        } catch (IOException e) {
            throw new IncompleteReportsException("cannot read the reports in " + periodDir + ": " + e.getMessage() + how);
        }
    }

    private static String sha256(Path file) throws IOException {
        return Sha256.of(file);
    }
}
