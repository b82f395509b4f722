package org.dprktrade.briefing.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the briefing reaches its readers ({@code briefing.delivery.*}). Every address is checked
 * strictly when the configuration is bound, so a typo stops the start with a message naming it
 * rather than failing at the end of a quarterly run. Immutable.
 *
 * @param mode              {@code outbox} (default: write {@code .eml} files, no mail server needed),
 *                          {@code smtp} (send through {@code spring.mail.*}) or {@code none}
 * @param recipients        readers who receive the briefing
 * @param operators         who is told when a run fails; never sent the briefing itself
 * @param from              sender address of every message
 * @param attachWorkbook    also attach {@code briefing-<period>.xlsx}
 * @param maxAttempts       SMTP attempts per recipient, the first included
 * @param initialBackoff    wait before the second attempt
 * @param backoffMultiplier factor applied to the wait before each further attempt
 * @param outboxDir         folder of the {@code .eml} files; empty means {@code outbox/} in the reports folder
 */
@ConfigurationProperties("briefing.delivery")
public record DeliveryProperties(
        @DefaultValue("outbox") Mode mode,
        @DefaultValue List<String> recipients,
        @DefaultValue List<String> operators,
        @DefaultValue("briefing@localhost") String from,
        @DefaultValue("false") boolean attachWorkbook,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("2.0") double backoffMultiplier,
        Path outboxDir) {

    /** Where the briefing goes. */
    public enum Mode {
        /** Write each message as an RFC 5322 {@code .eml} file into the outbox folder. */
        OUTBOX,
        /** Send through the SMTP server configured under {@code spring.mail.*}. */
        SMTP,
        /** Send nothing; every recipient is recorded as skipped. */
        NONE
    }

    public DeliveryProperties {
        mode = mode == null ? Mode.OUTBOX : mode;
        recipients = checkedAddresses("recipients", recipients);
        operators = checkedAddresses("operators", operators);
        from = checkedAddress("from", from == null ? "briefing@localhost" : from);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("briefing.delivery.max-attempts must be at least 1, was " + maxAttempts);
        }
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(2) : initialBackoff;
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("briefing.delivery.initial-backoff must not be negative, was " + initialBackoff);
        }
        if (!(backoffMultiplier >= 1.0)) {
            throw new IllegalArgumentException("briefing.delivery.backoff-multiplier must be at least 1.0, was " + backoffMultiplier);
        }
    }

    /** The defaults alone, as a jar with no configuration file runs. */
    public static DeliveryProperties defaults() {
        return new DeliveryProperties(Mode.OUTBOX, List.of(), List.of(), "briefing@localhost", false, 3,
                Duration.ofSeconds(2), 2.0, null);
    }

    /** The outbox folder: the configured one, else {@code outbox/} inside the reports folder. */
    public Path outboxDirIn(Path reportsDir) {
        return outboxDir != null ? outboxDir : reportsDir.resolve("outbox");
    }

    /** The wait before attempt {@code attempt} (2 or more): initial backoff × multiplier^(attempt − 2). */
    public Duration backoffBefore(int attempt) {
        if (attempt < 2) {
            return Duration.ZERO;
        }
        double millis = initialBackoff.toMillis() * Math.pow(backoffMultiplier, attempt - 2);
        return Duration.ofMillis((long) Math.min(millis, Long.MAX_VALUE / 2));
    }

    private static List<String> checkedAddresses(String key, List<String> addresses) {
        if (addresses == null) {
            return List.of();
        }
        // Blank entries come from a trailing comma in an environment variable: not an address, not an error.
        return addresses.stream().filter(a -> a != null && !a.isBlank()).map(a -> checkedAddress(key, a)).toList();
    }

    private static String checkedAddress(String key, String address) {
        String trimmed = address.trim();
        try {
            new InternetAddress(trimmed, true).validate();
            return trimmed;
        }
        catch (AddressException ex) {
            throw new IllegalArgumentException("briefing.delivery." + key + ": '" + trimmed
                    + "' is not a valid email address (" + ex.getMessage().replaceAll("\\s+", " ") + ")");
        }
    }
}
