package org.dprktrade.briefing.delivery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.dprktrade.briefing.period.Quarter;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;


/** Shared set-up of the delivery tests: a real H2 file database, Boot's mail auto-configuration, files on disk. */
final class DeliveryFixtures {

    static final Quarter Q3_2014 = Quarter.parse("2014-Q3");

    /** Korean place names and characters HTML must escape: both must survive the trip. */
    static final List<String> KEY_DEVELOPMENTS = List.of(
            "Grain exports to the DPRK fell 12.5% quarter on quarter, to 19,559 t.",
            "Wages at 평양 (Pyongyang) sites rose; the ratio <wage/local> is 41% & climbing.");

    private DeliveryFixtures() {
    }

    /**
     * A context with delivery's beans over an H2 file database in {@code dir}, reports in
     * {@code dir/reports}, the given clock, and backoff kept short (10 ms, doubling).
     */
    static ApplicationContextRunner contextIn(Path dir, Clock clock) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, MailSenderAutoConfiguration.class))
                .withUserConfiguration(DeliveryConfiguration.class)
                .withBean(Clock.class, () -> clock)
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:file:" + dir.resolve("state/briefing").toAbsolutePath(),
                        "briefing.reports-dir=" + dir.resolve("reports").toAbsolutePath(),
                        "briefing.delivery.initial-backoff=10ms",
                        "briefing.delivery.backoff-multiplier=2");
    }

    /** SMTP settings for a server on loopback, with the timeouts the product configures. */
    static String[] smtpOn(int port) {
        return new String[] {
                "briefing.delivery.mode=smtp",
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + port,
                "spring.mail.properties.mail.smtp.connectiontimeout=5000",
                "spring.mail.properties.mail.smtp.timeout=5000",
                "spring.mail.properties.mail.smtp.writetimeout=5000" };
    }

    /** A stand-in PDF holding every byte value, so any re-encoding of the attachment would show. */
    static Path pdfIn(Path dir) throws IOException {
        Path pdf = Files.createDirectories(dir.resolve("reports/2014-Q3")).resolve("briefing-2014-Q3.pdf");
        byte[] bytes = new byte[4096];
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        for (int i = header.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return Files.write(pdf, bytes);
    }

    static DeliveryRequest request(long executionId, Path pdf) {
        return new DeliveryRequest(Q3_2014, executionId, pdf, null, KEY_DEVELOPMENTS, false, List.of());
    }

    static MimeMessage parse(byte[] raw) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    /** The parts of a received message that matter to a reader. */
    record MailParts(String text, String html, Map<String, Attachment> attachments) {

        static MailParts of(Part message) throws MessagingException, IOException {
            MailParts parts = new MailParts(null, null, new LinkedHashMap<>());
            return parts.collect(message);
        }

        private MailParts collect(Part part) throws MessagingException, IOException {
            MailParts result = this;
            if (part.isMimeType("multipart/*")) {
                MimeMultipart multipart = (MimeMultipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    result = result.collect(child);
                }
                return result;
            }
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    attachments.put(part.getFileName(), new Attachment(
                            part.getContentType().toLowerCase(Locale.ROOT), in.readAllBytes()));
                }
                return result;
            }
            if (part.isMimeType("text/plain")) {
                return new MailParts((String) part.getContent(), html, attachments);
            }
            if (part.isMimeType("text/html")) {
                return new MailParts(text, (String) part.getContent(), attachments);
            }
            return result;
        }
    }

    record Attachment(String contentType, byte[] bytes) {
    }
}
