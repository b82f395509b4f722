package org.dprktrade.briefing.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes files so that a reader never sees half of one: the content goes to a hidden temporary file
 * in the target's directory ({@code .<name>.<random>.tmp}), is forced to disk, and is then renamed
 * over the target in one atomic step. If writing fails the temporary file is deleted and the
 * previous target, if any, is left exactly as it was.
 *
 * <p>{@link #stage} and {@link Staged#commit()} split the two halves so that several files can be
 * written first and moved into place only once all of them succeeded. Stateless and thread-safe;
 * two writers of the same target race only at the final rename (last one wins, both files whole).
 */
public final class AtomicFiles {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** The body of a file: writes to the stream it is given and does not close it. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} atomically, replacing any existing file. */
    public static void write(Path target, Body body) throws IOException {
        stage(target, body).commit();
    }

    /**
     * Writes the content to a temporary file beside {@code target} and forces it to disk, leaving
     * {@code target} untouched until {@link Staged#commit()}.
     *
     * @throws IOException after deleting the temporary file, when the body or the disk failed
     */
    public static Staged stage(Path target, Body body) throws IOException {
        Objects.requireNonNull(body, "body");
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Leading dot and .tmp suffix: never matched by a glob for reports, hidden from casual listings.
        // createFile, not createTempFile: the report gets the usual permissions (umask), not owner-only.
        Path temp = Files.createFile(dir.resolve("." + target.getFileName() + "."
                + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp"));
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new UnclosableOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024));
            body.writeTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp, e);
            throw e;
        }
        return new Staged(temp, target);
    }

    private static void deleteQuietly(Path temp, Throwable cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** A complete temporary file waiting to be moved over its target. */
    public static final class Staged {

        private final Path temp;
        private final Path target;
        private boolean done;

        private Staged(Path temp, Path target) {
            this.temp = temp;
            this.target = target;
        }

        public Path target() {
            return target;
        }

        /** Renames the temporary file over the target in one step; the directory entry is then synced. */
        public void commit() throws IOException {
            if (done) {
                throw new IllegalStateException("already committed or discarded: " + target);
            }
            done = true;
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(temp, e);
                throw e;
            }
            syncDirectory(target.toAbsolutePath().getParent());
        }

        /** Deletes the temporary file; the target stays as it was. Safe to call more than once. */
        public void discard() {
            if (!done) {
                done = true;
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Nothing better to do: a stray hidden .tmp file is harmless and never read as a report.
                }
            }
        }

        private static void syncDirectory(Path dir) {
            // Makes the rename itself durable on Linux; other systems refuse to open a directory, which is fine.
            try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException | UnsupportedOperationException ignored) {
                // Best effort only: the file's content is already on disk.
            }
        }
    }

    /**
     * Keeps libraries that close the stream they were given (OpenPDF does) from closing the channel
     * before it is forced to disk.
     */
    private static final class UnclosableOutputStream extends OutputStream {

        private final OutputStream delegate;

        UnclosableOutputStream(OutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            delegate.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }

        @Override
        public void close() throws IOException {
            delegate.flush();
        }
    }
}
