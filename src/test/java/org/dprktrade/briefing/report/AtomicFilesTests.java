package org.dprktrade.briefing.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTests {

    @TempDir
    Path dir;

    @Test
    void writesANewFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("indicators-2014-Q3.csv");

        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("new");
        assertThat(listing()).containsExactly("indicators-2014-Q3.csv");
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = dir.resolve("briefing.pdf");
        Files.writeString(target, "old");

        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("new");
    }

    @Test
    void aFailingBodyLeavesThePreviousFileByteIdenticalAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("briefing.pdf");
        byte[] previous = {1, 2, 3, 0, (byte) 0xFF};
        Files.write(target, previous);

        assertThatIOException().isThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half a report".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).withMessage("disk full");

        assertThat(Files.readAllBytes(target)).isEqualTo(previous);
        assertThat(listing()).containsExactly("briefing.pdf");
    }

    @Test
    void aRuntimeFailureAlsoCleansUp() {
        Path target = dir.resolve("briefing.xlsx");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(listing()).isEmpty();
    }

    @Test
    void aStagedFileIsHiddenUntilCommitted() throws IOException {
        Path target = dir.resolve("briefing.pdf");

        AtomicFiles.Staged staged = AtomicFiles.stage(target, out -> out.write('x'));

        assertThat(target).doesNotExist();
        assertThat(listing()).singleElement().asString().startsWith(".briefing.pdf.").endsWith(".tmp");
        staged.commit();
        assertThat(target).hasContent("x");
        assertThat(listing()).containsExactly("briefing.pdf");
    }

    @Test
    void aDiscardedStagedFileLeavesNothing() throws IOException {
        AtomicFiles.Staged staged = AtomicFiles.stage(dir.resolve("briefing.pdf"), out -> out.write('x'));

        staged.discard();

        assertThat(listing()).isEmpty();
    }

    @Test
    void aBodyThatClosesTheStreamStillGetsItsBytesWritten() throws IOException {
        Path target = dir.resolve("closed.bin");

        AtomicFiles.write(target, out -> {
            out.write("abc".getBytes(StandardCharsets.UTF_8));
            out.close(); // OpenPDF closes the stream it is given
        });

        assertThat(target).hasContent("abc");
    }

    private java.util.List<String> listing() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
