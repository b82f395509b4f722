package org.dprktrade.briefing.delivery;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.dprktrade.briefing.delivery.DeliveryFixtures.KEY_DEVELOPMENTS;
import static org.dprktrade.briefing.delivery.DeliveryFixtures.Q3_2014;
import static org.dprktrade.briefing.delivery.DeliveryFixtures.contextIn;
import static org.dprktrade.briefing.delivery.DeliveryFixtures.parse;
import static org.dprktrade.briefing.delivery.DeliveryFixtures.pdfIn;
import static org.dprktrade.briefing.delivery.DeliveryFixtures.request;
import static org.dprktrade.briefing.delivery.DeliveryFixtures.smtpOn;

class BriefingDeliveryIntegrationTests {

    static final String READER = "reader@example.org";

    static final String ANALYST = "analyst@example.org";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock("2015-01-10T06:00:00Z");

    Path pdf;

    @BeforeEach
    void writeReports() throws Exception {
        pdf = pdfIn(dir);
    }

    ApplicationContextRunner context() {
        return contextIn(dir, clock);
    }

    static List<DeliveryRecord> recordsOf(org.springframework.context.ApplicationContext context, long executionId) {
        return context.getBean(DeliveryRecords.class).forExecution(executionId);
    }

    @Nested
    class BySmtp {

        @RegisterExtension
        static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.createCopy("127.0.0.1").dynamicPort());

        @Test
        void eachReaderGetsOwnMessageWithExactSubjectBodiesAndThePdf() throws Exception {
            DeliveryRequest provisional = new DeliveryRequest(Q3_2014, 7, pdf, null, KEY_DEVELOPMENTS, true,
                    List.of("oil: 2 of 3 months reported"));
            context().withPropertyValues(smtpOn(greenMail.getSmtp().getPort()))
                    .withPropertyValues("briefing.delivery.recipients=" + READER + "," + ANALYST)
                    .run(context -> {
                        DeliveryResult result = context.getBean(BriefingDelivery.class).deliver(provisional);

                        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
                        assertThat(result.sentNow()).containsExactly(READER, ANALYST);
                        MimeMessage[] received = greenMail.getReceivedMessages();
                        assertThat(received).hasSize(2);
                        assertThat(Stream.of(received).map(m -> recipientsOf(m))).containsExactlyInAnyOrder(
                                List.of(READER), List.of(ANALYST));
                        byte[] pdfBytes = Files.readAllBytes(pdf);
                        for (MimeMessage m : received) {
                            assertThat(m.getSubject())
                                    .isEqualTo("[PROVISIONAL] Quarterly briefing 2014-Q3 — DPRK–China trade");
                            assertThat(m.getFrom()).extracting(a -> ((InternetAddress) a).getAddress())
                                    .containsExactly("briefing@localhost");
                            DeliveryFixtures.MailParts parts = DeliveryFixtures.MailParts.of(m);
                            assertThat(parts.text().replace("\r\n", "\n")).isEqualTo("""
                                    Quarterly briefing 2014-Q3 — DPRK–China trade
                                    PROVISIONAL: these figures may still change — oil: 2 of 3 months reported.

                                    Key developments
                                    - Grain exports to the DPRK fell 12.5% quarter on quarter, to 19,559 t.
                                    - Wages at 평양 (Pyongyang) sites rose; the ratio <wage/local> is 41% & climbing.

                                    The full briefing is attached as briefing-2014-Q3.pdf.
                                    """);
                            assertThat(parts.html())
                                    .contains("<h1>Quarterly briefing 2014-Q3 — DPRK–China trade</h1>")
                                    .contains("<strong>PROVISIONAL: these figures may still change — oil: 2 of 3 months reported.</strong>")
                                    .contains("<li>Wages at 평양 (Pyongyang) sites rose; the ratio &lt;wage/local&gt; is 41% &amp; climbing.</li>")
                                    .doesNotContain("<wage/local>");
                            assertThat(parts.attachments()).containsOnlyKeys("briefing-2014-Q3.pdf");
                            DeliveryFixtures.Attachment attached = parts.attachments().get("briefing-2014-Q3.pdf");
                            assertThat(attached.contentType()).startsWith("application/pdf");
                            assertThat(attached.bytes()).isEqualTo(pdfBytes);
                        }
                        assertThat(recordsOf(context, 7))
                                .extracting(DeliveryRecord::recipient, DeliveryRecord::status, DeliveryRecord::attempts,
                                        DeliveryRecord::lastError, DeliveryRecord::revision)
                                .containsExactly(tuple(READER, DeliveryStatus.SENT, 1, null, 1),
                                        tuple(ANALYST, DeliveryStatus.SENT, 1, null, 1));
                        assertThat(recordsOf(context, 7)).extracting(DeliveryRecord::messageId)
                                .containsExactlyInAnyOrder(received[0].getMessageID(), received[1].getMessageID());
                    });
        }

        @Test
        void theMailCarriesTheQuarterAtAGlanceAsAnInlineStyledTableAndAnAlignedPlainOne() throws Exception {
            List<FigureRow> figures = List.of(
                    new FigureRow("Grain", "tonnes", "67,916", "+125.4", "+18.6", "126,323"),
                    new FigureRow("Labor", "workers entering", "11,963", "", "-49.2", ""),
                    new FigureRow("Oil & <gas>", "tonnes", "47,802", "n/a", "-69.6", "150,311"));
            DeliveryRequest request = new DeliveryRequest(Q3_2014, 8, pdf, null, KEY_DEVELOPMENTS, true,
                    List.of("oil: 2 of 3 months reported"), figures);
            context().withPropertyValues(smtpOn(greenMail.getSmtp().getPort()))
                    .withPropertyValues("briefing.delivery.recipients=" + READER)
                    .run(context -> {
                        context.getBean(BriefingDelivery.class).deliver(request);

                        DeliveryFixtures.MailParts parts = DeliveryFixtures.MailParts.of(greenMail.getReceivedMessages()[0]);
                        String html = parts.html();
                        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("<img")
                                .doesNotContain("class=").doesNotContain("http");
                        List<List<String>> rows = new java.util.ArrayList<>();
                        var row = java.util.regex.Pattern.compile("<tr>(.*?)</tr>").matcher(html);
                        while (row.find()) {
                            var cell = java.util.regex.Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>").matcher(row.group(1));
                            List<String> cells = new java.util.ArrayList<>();
                            while (cell.find()) {
                                cells.add(cell.group(1));
                            }
                            rows.add(cells);
                        }
                        assertThat(rows).containsExactly(
                                List.of("Dataset", "Measure", "This quarter", "Change on quarter (%)",
                                        "Change on year (%)", "Year to date"),
                                List.of("Grain", "tonnes", "67,916", "+125.4", "+18.6", "126,323"),
                                List.of("Labor", "workers entering", "11,963", "", "-49.2", ""),
                                List.of("Oil &amp; &lt;gas&gt;", "tonnes", "47,802", "n/a", "-69.6", "150,311"));
                        assertThat(html).contains("Provisional: oil: 2 of 3 months reported.");
                        assertThat(parts.text().replace("\r\n", "\n")).contains("""
                                The quarter at a glance
                                Dataset      Measure           This quarter  Change on quarter (%)  Change on year (%)  Year to date
                                Grain        tonnes                  67,916                 +125.4               +18.6       126,323
                                Labor        workers entering        11,963                                      -49.2
                                Oil & <gas>  tonnes                  47,802                    n/a               -69.6       150,311
                                Provisional: oil: 2 of 3 months reported.
                                """);
                    });
        }

        @Test
        void operatorsAreToldOfAFailedRunAndReadersGetNothing() {
            context().withPropertyValues(smtpOn(greenMail.getSmtp().getPort()))
                    .withPropertyValues("briefing.delivery.recipients=" + READER, "briefing.delivery.operators=ops@example.org")
                    .run(context -> {
                        DeliveryOutcome outcome = context.getBean(BriefingDelivery.class)
                                .notifyOperators(Q3_2014, "input/oil.xlsx: required columns month, product, quantity, unit; found: Month, Item");

                        assertThat(outcome).isEqualTo(DeliveryOutcome.DELIVERED);
                        MimeMessage[] received = greenMail.getReceivedMessages();
                        assertThat(received).hasSize(1);
                        assertThat(recipientsOf(received[0])).containsExactly("ops@example.org");
                        assertThat(received[0].getSubject()).isEqualTo("[RUN FAILED] Quarterly briefing 2014-Q3 — DPRK–China trade");
                        // GreenMail drops the final line break of a single-part body, hence strip().
                        assertThat(((String) received[0].getContent()).replace("\r\n", "\n").strip()).isEqualTo("""
                                input/oil.xlsx: required columns month, product, quantity, unit; found: Month, Item

                                The briefing run for 2014-Q3 failed; no briefing was sent to readers.""");
                        assertThat(context.getBean(DeliveryRecords.class).deliveredPeriods()).isEmpty();
                    });
        }

        @Test
        void theFailureNoticeListsTheFirstFiftyProblemsAndCountsTheRest() {
            List<String> problems = new java.util.ArrayList<>();
            for (int row = 3; row < 3 + 52; row++) {
                problems.add("grain.xlsx, sheet grain, row " + row + ", column quantity_t: error: not a number ('lots')");
            }
            context().withPropertyValues(smtpOn(greenMail.getSmtp().getPort()))
                    .withPropertyValues("briefing.delivery.operators=ops@example.org")
                    .run(context -> {
                        context.getBean(BriefingDelivery.class).notifyOperators(Q3_2014,
                                "2014-Q3: grain.xlsx: 52 of 144 rows rejected (36.1 %), more than the allowed 5.0 %",
                                problems);

                        List<String> body = ((String) greenMail.getReceivedMessages()[0].getContent())
                                .replace("\r\n", "\n").lines().toList();
                        assertThat(body.get(0))
                                .isEqualTo("2014-Q3: grain.xlsx: 52 of 144 rows rejected (36.1 %), more than the allowed 5.0 %");
                        assertThat(body.get(1)).isEmpty();
                        assertThat(body.get(2)).isEqualTo("  grain.xlsx, sheet grain, row 3, column quantity_t: error: "
                                + "not a number ('lots')");
                        assertThat(body.get(51)).contains("row 52,");
                        assertThat(body.get(52)).isEqualTo("  ... and 2 more (run 'validate' to see them all)");
                        assertThat(body).noneMatch(line -> line.contains("row 53,") || line.contains("row 54,"));
                    });
        }
    }

    @Nested
    class WithAuthentication {

        @RegisterExtension
        static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.createCopy("127.0.0.1").dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(READER, "sender", "right-password"));

        @Test
        @ExtendWith(OutputCaptureExtension.class)
        void refusedCredentialsAreNotRetriedAndThePasswordIsNeverShown(CapturedOutput output) {
            context().withPropertyValues(smtpOn(greenMail.getSmtp().getPort()))
                    .withPropertyValues("briefing.delivery.recipients=" + READER, "spring.mail.username=sender",
                            "spring.mail.password=wrong-Pa55word", "spring.mail.properties.mail.smtp.auth=true")
                    .run(context -> {
                        DeliveryResult result = context.getBean(BriefingDelivery.class).deliver(request(8, pdf));

                        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.FAILED);
                        DeliveryRecord record = recordsOf(context, 8).get(0);
                        assertThat(record.status()).isEqualTo(DeliveryStatus.FAILED);
                        assertThat(record.attempts()).isEqualTo(1);
                        assertThat(record.lastError()).startsWith("authentication failed").doesNotContain("wrong-Pa55word");
                        assertThat(result.summary()).doesNotContain("wrong-Pa55word");
                        assertThat(greenMail.getReceivedMessages()).isEmpty();
                    });
            assertThat(output.getAll()).contains("authentication failed").doesNotContain("wrong-Pa55word");
        }
    }

    @Nested
    class Retrying {

        @Test
        void transientRefusalsAreRetriedUntilTheServerAccepts() throws Exception {
            // Greylisting: 451 twice, then accepted; with max-attempts 3 the third attempt gets through.
            try (ScriptedSmtpServer server = new ScriptedSmtpServer((to, n) -> n <= 2 ? "451 4.7.1 Greylisted, try again later" : "250 OK")) {
                context().withPropertyValues(smtpOn(server.port()))
                        .withPropertyValues("briefing.delivery.recipients=" + READER)
                        .run(context -> {
                            DeliveryResult result = context.getBean(BriefingDelivery.class).deliver(request(11, pdf));

                            assertThat(result.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
                            assertThat(server.rcptLog()).containsExactly(READER + " -> 451", READER + " -> 451", READER + " -> 250");
                            assertThat(server.accepted()).hasSize(1);
                            MimeMessage got = parse(server.accepted().get(0).data());
                            assertThat(got.getSubject()).isEqualTo("Quarterly briefing 2014-Q3 — DPRK–China trade");
                            assertThat(DeliveryFixtures.MailParts.of(got).attachments().get("briefing-2014-Q3.pdf").bytes())
                                    .isEqualTo(Files.readAllBytes(pdf));
                            assertThat(recordsOf(context, 11))
                                    .extracting(DeliveryRecord::status, DeliveryRecord::attempts, DeliveryRecord::lastError,
                                            DeliveryRecord::messageId)
                                    .containsExactly(tuple(DeliveryStatus.SENT, 3, null, got.getMessageID()));
                        });
            }
        }

        @Test
        void transientRefusalsBeyondMaxAttemptsFailTheRecipient() throws Exception {
            try (ScriptedSmtpServer server = new ScriptedSmtpServer((to, n) -> "451 4.7.1 Greylisted, try again later")) {
                context().withPropertyValues(smtpOn(server.port()))
                        .withPropertyValues("briefing.delivery.recipients=" + READER, "briefing.delivery.max-attempts=4")
                        .run(context -> {
                            DeliveryResult result = context.getBean(BriefingDelivery.class).deliver(request(12, pdf));

                            assertThat(result.outcome()).isEqualTo(DeliveryOutcome.FAILED);
                            assertThat(server.rcptLog()).hasSize(4);
                            assertThat(recordsOf(context, 12))
                                    .extracting(DeliveryRecord::status, DeliveryRecord::attempts, DeliveryRecord::lastError)
                                    .containsExactly(tuple(DeliveryStatus.FAILED, 4, "SMTP 451 4.7.1 Greylisted, try again later"));
                            assertThat(result.summary()).isEqualTo("delivery of 2014-Q3 failed: not delivered to 1 of 1 recipient(s): "
                                    + READER + " (SMTP 451 4.7.1 Greylisted, try again later)");
                        });
            }
        }

        @Test
        void permanentRefusalIsNotRetriedAndDoesNotHoldBackOthers() throws Exception {
            try (ScriptedSmtpServer server = new ScriptedSmtpServer(
                    (to, n) -> to.startsWith("nobody") ? "550 5.1.1 No such user" : "250 OK")) {
                context().withPropertyValues(smtpOn(server.port()))
                        .withPropertyValues("briefing.delivery.recipients=nobody@example.org," + READER)
                        .run(context -> {
                            DeliveryResult result = context.getBean(BriefingDelivery.class).deliver(request(13, pdf));

                            assertThat(result.outcome()).isEqualTo(DeliveryOutcome.FAILED);
                            assertThat(result.sentNow()).containsExactly(READER);
                            assertThat(server.rcptLog()).containsExactly("nobody@example.org -> 550", READER + " -> 250");
                            assertThat(server.accepted()).extracting(ScriptedSmtpServer.Accepted::recipients)
                                    .containsExactly(List.of(READER));
                            assertThat(recordsOf(context, 13))
                                    .extracting(DeliveryRecord::recipient, DeliveryRecord::status, DeliveryRecord::attempts,
                                            DeliveryRecord::lastError)
                                    .containsExactly(tuple("nobody@example.org", DeliveryStatus.FAILED, 1, "SMTP 550 5.1.1 No such user"),
                                            tuple(READER, DeliveryStatus.SENT, 1, null));
                        });
            }
        }

        @Test
        void deliveringAgainReachesOnlyRecipientsWhoDidNotGetIt() throws Exception {
            AtomicBoolean greylisting = new AtomicBoolean(true);
            try (ScriptedSmtpServer server = new ScriptedSmtpServer(
                    (to, n) -> to.equals(ANALYST) && greylisting.get() ? "451 4.7.1 Greylisted" : "250 OK")) {
                context().withPropertyValues(smtpOn(server.port()))
                        .withPropertyValues("briefing.delivery.recipients=" + READER + "," + ANALYST)
                        .run(context -> {
                            BriefingDelivery delivery = context.getBean(BriefingDelivery.class);
                            DeliveryResult first = delivery.deliver(request(14, pdf));
                            assertThat(first.outcome()).isEqualTo(DeliveryOutcome.FAILED);
                            assertThat(recordsOf(context, 14))
                                    .extracting(DeliveryRecord::recipient, DeliveryRecord::status, DeliveryRecord::attempts)
                                    .containsExactly(tuple(READER, DeliveryStatus.SENT, 1), tuple(ANALYST, DeliveryStatus.FAILED, 3));

                            greylisting.set(false);
                            clock.set("2015-01-10T07:00:00Z");
                            DeliveryResult second = delivery.deliver(request(14, pdf));

                            assertThat(second.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
                            assertThat(second.sentNow()).containsExactly(ANALYST);
                            assertThat(server.accepted()).extracting(ScriptedSmtpServer.Accepted::recipients)
                                    .containsExactly(List.of(READER), List.of(ANALYST));
                            // The analyst's three failed attempts plus the one that succeeded; the reader's row is untouched.
                            assertThat(recordsOf(context, 14))
                                    .extracting(DeliveryRecord::recipient, DeliveryRecord::status, DeliveryRecord::attempts,
                                            DeliveryRecord::lastError, r -> r.updatedAt().toString())
                                    .containsExactly(tuple(READER, DeliveryStatus.SENT, 1, null, "2015-01-10T06:00:00Z"),
                                            tuple(ANALYST, DeliveryStatus.SENT, 4, null, "2015-01-10T07:00:00Z"));
                        });
            }
        }

        @Test
        void serverDownFailsAfterMaxAttemptsAndALaterDeliverySucceeds() throws Exception {
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            int downPort = port;
            context().withPropertyValues(smtpOn(downPort))
                    .withPropertyValues("briefing.delivery.recipients=" + READER + "," + ANALYST)
                    .run(context -> {
                        BriefingDelivery delivery = context.getBean(BriefingDelivery.class);
                        DeliveryResult down = delivery.deliver(request(15, pdf));

                        assertThat(down.outcome()).isEqualTo(DeliveryOutcome.FAILED);
                        assertThat(recordsOf(context, 15)).allSatisfy(r -> {
                            assertThat(r.status()).isEqualTo(DeliveryStatus.FAILED);
                            assertThat(r.attempts()).isEqualTo(3);
                            assertThat(r.lastError()).contains("Connection refused");
                        });

                        GreenMail greenMail = new GreenMail(new ServerSetup(downPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                        greenMail.start();
                        try {
                            DeliveryResult up = delivery.deliver(request(15, pdf));

                            assertThat(up.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
                            assertThat(greenMail.getReceivedMessages()).hasSize(2);
                            assertThat(recordsOf(context, 15))
                                    .extracting(DeliveryRecord::recipient, DeliveryRecord::status, DeliveryRecord::attempts)
                                    .containsExactly(tuple(READER, DeliveryStatus.SENT, 4), tuple(ANALYST, DeliveryStatus.SENT, 4));
                        }
                        finally {
                            greenMail.stop();
                        }
                    });
        }

        @Test
        void waitsTheGrowingBackoffBetweenAttempts() throws Exception {
            // 200 ms before attempt 2, 400 ms before attempt 3: at least 600 ms in all.
            try (ScriptedSmtpServer server = new ScriptedSmtpServer((to, n) -> "421 4.3.2 Service shutting down")) {
                context().withPropertyValues(smtpOn(server.port()))
                        .withPropertyValues("briefing.delivery.recipients=" + READER,
                                "briefing.delivery.initial-backoff=200ms", "briefing.delivery.backoff-multiplier=2")
                        .run(context -> {
                            long start = System.nanoTime();
                            context.getBean(BriefingDelivery.class).deliver(request(16, pdf));
                            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

                            assertThat(elapsedMillis).isGreaterThanOrEqualTo(600);
                            assertThat(server.rcptLog()).hasSize(3);
                        });
            }
        }
    }

    @Nested
    class ToTheOutbox {

        @Test
        void writesOneEmlForAllReadersThatParsesBackWithoutAMailServer() throws Exception {
            context().withPropertyValues("briefing.delivery.recipients=" + READER + "," + ANALYST)
                    .run(context -> {
                        assertThat(context.getBeansOfType(JavaMailSender.class)).isEmpty();
                        DeliveryResult result = context.getBean(BriefingDelivery.class).deliver(request(21, pdf));

                        Path outbox = dir.resolve("reports/outbox");
                        Path eml = outbox.resolve("2014-Q3-20150110T060000.eml");
                        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
                        assertThat(result.outboxFile()).isEqualTo(eml);
                        try (Stream<Path> files = Files.list(outbox)) {
                            assertThat(files).containsExactly(eml);
                        }
                        MimeMessage message;
                        try (InputStream in = Files.newInputStream(eml)) {
                            message = new MimeMessage(null, in);
                        }
                        assertThat(message.getSubject()).isEqualTo("Quarterly briefing 2014-Q3 — DPRK–China trade");
                        assertThat(recipientsOf(message)).containsExactly(READER, ANALYST);
                        assertThat(message.getSentDate().toInstant()).hasToString("2015-01-10T06:00:00Z");
                        DeliveryFixtures.MailParts parts = DeliveryFixtures.MailParts.of(message);
                        assertThat(parts.text()).contains("평양").doesNotContain("PROVISIONAL");
                        assertThat(parts.attachments()).containsOnlyKeys("briefing-2014-Q3.pdf");
                        assertThat(parts.attachments().get("briefing-2014-Q3.pdf").bytes()).isEqualTo(Files.readAllBytes(pdf));
                        assertThat(recordsOf(context, 21))
                                .extracting(DeliveryRecord::recipient, DeliveryRecord::status, DeliveryRecord::attempts,
                                        DeliveryRecord::messageId)
                                .containsExactly(tuple(READER, DeliveryStatus.SENT, 1, message.getMessageID()),
                                        tuple(ANALYST, DeliveryStatus.SENT, 1, message.getMessageID()));
                    });
        }

        @Test
        void attachesTheWorkbookWhenAsked() throws Exception {
            Path workbook = Files.write(dir.resolve("reports/2014-Q3/briefing-2014-Q3.xlsx"), new byte[] { 'P', 'K', 3, 4, 0, (byte) 0xff });
            Path outbox = dir.resolve("elsewhere/outbox");
            context().withPropertyValues("briefing.delivery.recipients=" + READER, "briefing.delivery.attach-workbook=true",
                            "briefing.delivery.outbox-dir=" + outbox)
                    .run(context -> {
                        DeliveryResult result = context.getBean(BriefingDelivery.class).deliver(
                                new DeliveryRequest(Q3_2014, 22, pdf, workbook, KEY_DEVELOPMENTS, false, List.of()));

                        assertThat(result.outboxFile()).hasParent(outbox);
                        MimeMessage message = parse(Files.readAllBytes(result.outboxFile()));
                        DeliveryFixtures.MailParts parts = DeliveryFixtures.MailParts.of(message);
                        assertThat(parts.attachments()).containsOnlyKeys("briefing-2014-Q3.pdf", "briefing-2014-Q3.xlsx");
                        DeliveryFixtures.Attachment xlsx = parts.attachments().get("briefing-2014-Q3.xlsx");
                        assertThat(xlsx.contentType()).startsWith(BriefingMessages.XLSX_TYPE);
                        assertThat(xlsx.bytes()).isEqualTo(Files.readAllBytes(workbook));
                        assertThat(parts.text()).contains("The full briefing is attached as briefing-2014-Q3.pdf, "
                                + "the figures as the workbook briefing-2014-Q3.xlsx.");
                    });
        }

        @Test
        void aSecondMessageInTheSameSecondGetsItsOwnFile() {
            context().withPropertyValues("briefing.delivery.recipients=" + READER)
                    .run(context -> {
                        BriefingDelivery delivery = context.getBean(BriefingDelivery.class);
                        Path first = delivery.deliver(request(23, pdf)).outboxFile();
                        Path second = delivery.deliver(request(24, pdf)).outboxFile();

                        assertThat(first).hasFileName("2014-Q3-20150110T060000.eml");
                        assertThat(second).hasFileName("2014-Q3-20150110T060000-2.eml");
                    });
        }

        @Test
        void operatorsGetAFailureNoticeFileAndNoReaderIsRecorded() {
            context().withPropertyValues("briefing.delivery.recipients=" + READER, "briefing.delivery.operators=ops@example.org")
                    .run(context -> {
                        DeliveryOutcome outcome = context.getBean(BriefingDelivery.class).notifyOperators(Q3_2014, "disk full");

                        assertThat(outcome).isEqualTo(DeliveryOutcome.DELIVERED);
                        Path notice = dir.resolve("reports/outbox/2014-Q3-20150110T060000-run-failed.eml");
                        MimeMessage message = parse(Files.readAllBytes(notice));
                        assertThat(recipientsOf(message)).containsExactly("ops@example.org");
                        assertThat((String) message.getContent()).contains("disk full");
                        assertThat(context.getBean(DeliveryRecords.class).latestForPeriod(Q3_2014)).isEmpty();
                    });
        }
    }

    @Nested
    class WhenNothingCanBeSent {

        @Test
        void modeNoneSkipsEveryRecipient() {
            context().withPropertyValues("briefing.delivery.mode=none", "briefing.delivery.recipients=" + READER + "," + ANALYST)
                    .run(context -> {
                        DeliveryResult result = context.getBean(BriefingDelivery.class).deliver(request(31, pdf));

                        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.SKIPPED);
                        assertThat(result.summary()).isEqualTo("delivery of 2014-Q3 skipped: briefing.delivery.mode is none");
                        assertThat(recordsOf(context, 31)).extracting(DeliveryRecord::recipient, DeliveryRecord::status,
                                        DeliveryRecord::attempts)
                                .containsExactly(tuple(READER, DeliveryStatus.SKIPPED, 0), tuple(ANALYST, DeliveryStatus.SKIPPED, 0));
                        assertThat(dir.resolve("reports/outbox")).doesNotExist();
                    });
        }

        @Test
        void noRecipientsSkipsWithoutRecords() {
            context().run(context -> {
                DeliveryResult result = context.getBean(BriefingDelivery.class).deliver(request(32, pdf));

                assertThat(result.outcome()).isEqualTo(DeliveryOutcome.SKIPPED);
                assertThat(result.problem()).isEqualTo("no recipients configured (briefing.delivery.recipients)");
                assertThat(recordsOf(context, 32)).isEmpty();
            });
        }

        @Test
        void smtpModeWithoutAMailHostFailsWithOneLine() {
            context().withPropertyValues("briefing.delivery.mode=smtp", "briefing.delivery.recipients=" + READER)
                    .run(context -> {
                        DeliveryResult result = context.getBean(BriefingDelivery.class).deliver(request(33, pdf));

                        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.FAILED);
                        assertThat(result.summary()).isEqualTo(
                                "delivery of 2014-Q3 failed: briefing.delivery.mode is smtp but spring.mail.host is not set");
                        assertThat(recordsOf(context, 33)).extracting(DeliveryRecord::status, DeliveryRecord::attempts,
                                        DeliveryRecord::lastError)
                                .containsExactly(tuple(DeliveryStatus.FAILED, 0,
                                        "briefing.delivery.mode is smtp but spring.mail.host is not set"));
                    });
        }

        @Test
        void aMissingPdfFailsWithoutWritingAnything() {
            Path gone = dir.resolve("reports/2014-Q3/none.pdf");
            context().withPropertyValues("briefing.delivery.recipients=" + READER)
                    .run(context -> {
                        DeliveryResult result = context.getBean(BriefingDelivery.class).deliver(request(34, gone));

                        assertThat(result.outcome()).isEqualTo(DeliveryOutcome.FAILED);
                        assertThat(result.problem()).isEqualTo("the briefing " + gone + " does not exist: run the period again");
                        assertThat(dir.resolve("reports/outbox")).doesNotExist();
                    });
        }
    }

    @Nested
    class Revisions {

        @Test
        void aLaterExecutionOfADeliveredPeriodIsMarkedAsARevision() {
            context().withPropertyValues("briefing.delivery.recipients=" + READER)
                    .run(context -> {
                        BriefingDelivery delivery = context.getBean(BriefingDelivery.class);
                        assertThat(delivery.revisionFor(Q3_2014)).isEmpty();
                        DeliveryResult original = delivery.deliver(request(41, pdf));
                        assertThat(original.revision()).isEqualTo(1);
                        assertThat(delivery.revisionFor(Q3_2014)).contains(new Revision(2, java.time.LocalDate.of(2015, 1, 10)));

                        clock.set("2015-02-01T09:30:00Z");
                        DeliveryResult second = delivery.deliver(request(42, pdf));

                        assertThat(second.revision()).isEqualTo(2);
                        MimeMessage message = parse(Files.readAllBytes(second.outboxFile()));
                        assertThat(message.getSubject()).isEqualTo("Quarterly briefing 2014-Q3 — DPRK–China trade (revision 2)");
                        assertThat(DeliveryFixtures.MailParts.of(message).text())
                                .contains("Revision 2 — replaces the briefing sent 2015-01-10.");

                        clock.set("2015-03-01T09:30:00Z");
                        DeliveryResult third = delivery.deliver(request(43, pdf));
                        assertThat(third.revision()).isEqualTo(3);
                        assertThat(DeliveryFixtures.MailParts.of(parse(Files.readAllBytes(third.outboxFile()))).html())
                                .contains("<p>Revision 3 — replaces the briefing sent 2015-02-01.</p>");
                    });
        }

        @Test
        void aRetryKeepsTheRevisionItWasFirstSentAs() {
            context().withPropertyValues("briefing.delivery.recipients=" + READER)
                    .run(context -> context.getBean(BriefingDelivery.class).deliver(request(51, pdf)));
            clock.set("2015-02-01T09:30:00Z");
            context().withPropertyValues("briefing.delivery.recipients=" + READER)
                    .run(context -> context.getBean(BriefingDelivery.class).deliver(request(52, pdf)));
            // A reader added later gets execution 52's briefing as what it was: revision 2, not 3.
            clock.set("2015-02-02T08:00:00Z");
            context().withPropertyValues("briefing.delivery.recipients=" + READER + "," + ANALYST)
                    .run(context -> {
                        DeliveryResult retry = context.getBean(BriefingDelivery.class).deliver(request(52, pdf));

                        assertThat(retry.sentNow()).containsExactly(ANALYST);
                        assertThat(retry.revision()).isEqualTo(2);
                        MimeMessage message = parse(Files.readAllBytes(retry.outboxFile()));
                        assertThat(recipientsOf(message)).containsExactly(ANALYST);
                        assertThat(message.getSubject()).endsWith("(revision 2)");
                        assertThat(DeliveryFixtures.MailParts.of(message).text())
                                .contains("Revision 2 — replaces the briefing sent 2015-01-10.");
                    });
        }

        @Test
        void aDeliveryNobodyReceivedIsNoRevision() {
            context().withPropertyValues("briefing.delivery.recipients=" + READER)
                    .run(context -> context.getBean(BriefingDelivery.class).deliver(request(61, pdf)));
            context().withPropertyValues("briefing.delivery.mode=smtp", "briefing.delivery.recipients=" + READER)
                    .run(context -> {
                        BriefingDelivery delivery = context.getBean(BriefingDelivery.class);
                        assertThat(delivery.deliver(request(62, pdf)).outcome()).isEqualTo(DeliveryOutcome.FAILED);
                        assertThat(delivery.revisionFor(Q3_2014)).contains(new Revision(2, java.time.LocalDate.of(2015, 1, 10)));
                    });
        }
    }

    static List<String> recipientsOf(MimeMessage message) {
        try {
            return Stream.of(message.getRecipients(Message.RecipientType.TO))
                    .map(a -> ((InternetAddress) a).getAddress()).toList();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
