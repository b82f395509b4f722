package org.dprktrade.briefing.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends one message per recipient through a {@link JavaMailSender}, in rounds: each round hands
 * every message still pending to the sender over one connection; messages that failed transiently
 * ({@link SmtpFailure}) wait for the backoff and go again, up to {@code maxAttempts} rounds. So a
 * server that is down costs the sum of the backoffs once, not once per recipient, and one refused
 * address never holds back the others. Blocks the calling thread while it waits. Not thread-safe
 * per call, stateless between calls.
 */
final class SmtpSender {

    private static final Logger log = LoggerFactory.getLogger(SmtpSender.class);

    /** A message addressed to exactly one recipient. */
    record Addressed(String recipient, MimeMessage message) {
    }

    /** What became of one recipient's message. */
    record Outcome(String recipient, DeliveryStatus status, int attempts, String error, String messageId) {
    }

    private final JavaMailSender sender;

    private final DeliveryProperties properties;

    SmtpSender(JavaMailSender sender, DeliveryProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    List<Outcome> send(List<Addressed> messages) {
        Map<Addressed, Outcome> outcomes = new LinkedHashMap<>();
        Map<Addressed, String> lastError = new LinkedHashMap<>();
        List<Addressed> pending = new ArrayList<>(messages);
        for (int attempt = 1; attempt <= properties.maxAttempts() && !pending.isEmpty(); attempt++) {
            if (attempt > 1 && !pause(properties.backoffBefore(attempt))) {
                for (Addressed a : pending) {
                    outcomes.put(a, failed(a, attempt - 1, lastError.get(a) + " (interrupted before the next attempt)"));
                }
                pending.clear();
                break;
            }
            Map<Object, Exception> failures = sendAll(pending);
            List<Addressed> again = new ArrayList<>();
            for (Addressed a : pending) {
                Exception failure = failures.get(a.message());
                if (failure == null) {
                    outcomes.put(a, new Outcome(a.recipient(), DeliveryStatus.SENT, attempt, null, messageId(a.message())));
                    log.info("Sent the briefing to {} (attempt {})", a.recipient(), attempt);
                    continue;
                }
                SmtpFailure why = SmtpFailure.of(failure);
                lastError.put(a, why.description());
                if (why.transientFailure() && attempt < properties.maxAttempts()) {
                    log.warn("Attempt {} of {} to {} failed, retrying in {}: {}", attempt, properties.maxAttempts(),
                            a.recipient(), readable(properties.backoffBefore(attempt + 1)), why.description());
                    again.add(a);
                }
                else {
                    log.warn("Could not send the briefing to {} after {} attempt(s): {}", a.recipient(), attempt,
                            why.description());
                    outcomes.put(a, failed(a, attempt, why.description()));
                }
            }
            pending = again;
        }
        return messages.stream().map(outcomes::get).toList();
    }

    /** The messages that failed, each with its exception; empty when all were accepted. */
    private Map<Object, Exception> sendAll(List<Addressed> pending) {
        MimeMessage[] batch = pending.stream().map(Addressed::message).toArray(MimeMessage[]::new);
        try {
            sender.send(batch);
            return Map.of();
        }
        catch (MailSendException ex) {
            // An empty map means every message went out and only closing the connection failed.
            return ex.getFailedMessages();
        }
        catch (MailException ex) {
            // Authentication refused (or a failure before any message): the same for every message.
            Map<Object, Exception> all = new LinkedHashMap<>();
            for (MimeMessage m : batch) {
                all.put(m, ex);
            }
            return all;
        }
    }

    private static Outcome failed(Addressed a, int attempts, String error) {
        return new Outcome(a.recipient(), DeliveryStatus.FAILED, attempts, error, messageId(a.message()));
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        }
        catch (MessagingException ex) {
            return null;
        }
    }

    /** {@code 200 ms}, {@code 2 s}, {@code 2.5 s}: for the log, where {@code PT2S} reads badly. */
    static String readable(Duration wait) {
        long millis = wait.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0)) + " s";
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
