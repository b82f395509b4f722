package org.dprktrade.briefing.delivery;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.dprktrade.briefing.period.Quarter;

/**
 * The outbox folder: each message becomes one RFC 5322 {@code .eml} file named
 * {@code <period>-<yyyyMMdd'T'HHmmss>[-suffix].eml}, written to a hidden temporary file and moved
 * into place, so whatever watches the folder never sees half a message. A name already taken gets
 * {@code -2}, {@code -3}, …; nothing is overwritten. Not safe for two writers racing for one name
 * in the same second (the application's per-period lock prevents that).
 */
final class Outbox {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final Path dir;

    private final Clock clock;

    Outbox(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    Path dir() {
        return dir;
    }

    /**
     * Writes the message (after {@link MimeMessage#saveChanges()}) and returns the file.
     *
     * @param suffix appended to the name before {@code .eml}, e.g. {@code -run-failed}; may be empty
     */
    Path write(Quarter period, String suffix, MimeMessage message) throws IOException, MessagingException {
        Files.createDirectories(dir);
        message.saveChanges();
        String base = period + "-" + LocalDateTime.now(clock).format(STAMP) + suffix;
        Path temp = Files.createTempFile(dir, "." + base + "-", ".eml.tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                message.writeTo(out);
            }
            Path target = freeName(base);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (AtomicMoveNotSupportedException ex) {
                Files.move(temp, target);
            }
            return target;
        }
        finally {
            Files.deleteIfExists(temp);
        }
    }

    private Path freeName(String base) {
        Path candidate = dir.resolve(base + ".eml");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dir.resolve(base + "-" + n + ".eml");
        }
        return candidate;
    }
}
