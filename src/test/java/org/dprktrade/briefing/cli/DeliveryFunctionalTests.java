package org.dprktrade.briefing.cli;

import org.dprktrade.briefing.job.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * {@code run} and {@code deliver} against a real SMTP server in the test process (GreenMail on
 * loopback): the briefing arrives with its PDF; a server that is down gives exit 4 with the reports
 * written, and a later {@code deliver} sends them without recomputing.
 */
class DeliveryFunctionalTests {

    private static final String READER = "analysts@example.org"; // config/application.yml

    @TempDir
    Path reports;

    @Test
    void theBriefingArrivesWithThePdfOfTheRun() throws Exception {
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            CommandResult result = run(port, "run", "--period", "2014-Q3");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("delivered 2014-Q3 to 1 recipient(s)");
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            MimeMessage message = received[0];
            assertThat(message.getSubject()).isEqualTo("Quarterly briefing 2014-Q3 — DPRK–China trade");
            assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(READER);
            assertThat(attachment(message, "briefing-2014-Q3.pdf"))
                    .isEqualTo(Files.readAllBytes(reports.resolve("2014-Q3/briefing-2014-Q3.pdf")));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aServerThatIsDownGivesExitFourAndALaterDeliverSendsTheSameReports() throws Exception {
        int port = freePort();

        CommandResult failed = run(port, "run", "--period", "2014-Q3");

        assertThat(failed.exitCode()).isEqualTo(ExitCodes.DELIVERY_FAILED);
        assertThat(failed.err()).contains("delivery of 2014-Q3 failed").contains("deliver --period 2014-Q3");
        Path pdf = reports.resolve("2014-Q3/briefing-2014-Q3.pdf");
        byte[] written = Files.readAllBytes(pdf);
        assertThat(run(port, "history").out()).contains("FAILED 0/1").contains("FAILED  " + READER + " (attempts 3");

        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            CommandResult delivered = run(port, "deliver", "--period", "2014-Q3");

            assertThat(delivered.exitCode()).as(delivered.err()).isZero();
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(attachment(smtp.getReceivedMessages()[0], "briefing-2014-Q3.pdf")).isEqualTo(written);
            assertThat(Files.readAllBytes(pdf)).isEqualTo(written);
            // sent again without recomputing, the mail still carries the quarter's figures
            assertThat(glance(smtp.getReceivedMessages()[0])).containsEntry("Grain", "67,916");
            assertThat(run(port, "history").out()).contains("SENT 1/1");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void theMailsFiguresTableCarriesTheQuartersTotalsOfTheIndicatorsCsv() throws Exception {
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            assertThat(run(port, "run", "--period", "2014-Q3").exitCode()).isZero();

            java.util.Map<String, String> csv = new java.util.HashMap<>();
            for (String line : Files.readAllLines(reports.resolve("2014-Q3/indicators-2014-Q3.csv"))) {
                String[] f = line.split(",", -1);
                csv.put(f[1] + "," + f[2] + "," + f[3], f[4]);
            }
            java.text.DecimalFormat thousands = new java.text.DecimalFormat("#,##0",
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ENGLISH));
            java.util.Map<String, String> table = glance(smtp.getReceivedMessages()[0]);
            // every configured dataset, by its title: the sample minerals too
            assertThat(table).containsOnlyKeys("Grain", "Fertilizer", "Labor", "Oil", "Minerals exports");
            assertThat(table.get("Minerals exports"))
                    .isEqualTo(thousands.format(new java.math.BigDecimal(csv.get("minerals,all,quantity_t"))));
            for (String dataset : java.util.List.of("grain", "fertilizer", "oil")) {
                assertThat(table.get(dataset.substring(0, 1).toUpperCase() + dataset.substring(1))).as(dataset)
                        .isEqualTo(thousands.format(new java.math.BigDecimal(csv.get(dataset + ",all,quantity_t"))));
            }
            assertThat(table.get("Labor"))
                    .isEqualTo(thousands.format(new java.math.BigDecimal(csv.get("labor,all,workers_entering"))));
        } finally {
            smtp.stop();
        }
    }

    /** Dataset → "This quarter" of the HTML part's figures table. */
    private static java.util.Map<String, String> glance(MimeMessage message) throws Exception {
        String html = null;
        Multipart mixed = (Multipart) message.getContent();
        for (int i = 0; i < mixed.getCount() && html == null; i++) {
            if (mixed.getBodyPart(i).getContent() instanceof Multipart alternative) {
                for (int j = 0; j < alternative.getCount(); j++) {
                    if (alternative.getBodyPart(j).isMimeType("text/html")) {
                        html = (String) alternative.getBodyPart(j).getContent();
                    }
                }
            }
        }
        assertThat(html).as("HTML part").isNotNull();
        java.util.Map<String, String> quarter = new java.util.LinkedHashMap<>();
        var row = java.util.regex.Pattern.compile("<tr>(.*?)</tr>").matcher(html);
        while (row.find()) {
            var cells = java.util.regex.Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row.group(1)).results()
                    .map(m -> m.group(1)).toList();
            if (!cells.isEmpty()) {
                quarter.put(cells.get(0), cells.get(2));
            }
        }
        return quarter;
    }

    @Test
    void deliverRefusesReportsChangedSinceTheirRun() throws Exception {
        int port = freePort();
        assertThat(run(port, "run", "--period", "2014-Q3").exitCode()).isEqualTo(ExitCodes.DELIVERY_FAILED);
        Files.writeString(reports.resolve("2014-Q3/briefing-2014-Q3.pdf"), "not the briefing");

        CommandResult result = run(port, "deliver", "--period", "2014-Q3");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("briefing-2014-Q3.pdf is missing or differs from the one run");
    }

    private CommandResult run(int port, String... command) {
        String[] args = new String[command.length + 8];
        System.arraycopy(command, 0, args, 0, command.length);
        String[] common = {"--input", "input", "--reports", reports.toString(),
                "--briefing.delivery.mode=smtp", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port,
                "--briefing.delivery.initial-backoff=50ms"};
        System.arraycopy(common, 0, args, command.length, common.length);
        return CommandResult.run(args);
    }

    private static byte[] attachment(MimeMessage message, String fileName) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (fileName.equals(part.getFileName())) {
                try (InputStream in = part.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no attachment " + fileName);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
