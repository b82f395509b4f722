package org.dprktrade.briefing.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.dprktrade.briefing.BriefingApplication;
import org.dprktrade.briefing.job.ExitCodes;
import org.dprktrade.briefing.delivery.DeliveryOutcome;
import org.dprktrade.briefing.job.BriefingRunner;
import org.dprktrade.briefing.job.RunOutcome;
import org.dprktrade.briefing.period.Quarter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A scheduled run whose delivery failed counts as delivered by the schedule once {@code deliver} has
 * sent its reports, so a later fire for the quarter (a misfire, say) does not run it again; a manual
 * run's delivery never does.
 */
class RedeliveryIntegrationTests {

    private static final Quarter Q3 = Quarter.parse("2014-Q3");

    @TempDir
    Path reports;

    @Test
    void deliveringAFailedScheduledRunMarksTheQuarterDeliveredByTheSchedule() throws IOException {
        int port = freePort();
        try (ConfigurableApplicationContext context = start(port)) {
            RunOutcome scheduled = context.getBean(BriefingRunner.class).runScheduled(Q3);
            assertThat(scheduled.exitCode()).isEqualTo(ExitCodes.DELIVERY_FAILED);
            ScheduledDeliveries byTheSchedule = context.getBean(ScheduledDeliveries.class);
            assertThat(byTheSchedule.isDelivered(Q3)).isFalse();

            GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                assertThat(context.getBean(Redelivery.class).deliver(Q3).outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
            } finally {
                smtp.stop();
            }

            assertThat(byTheSchedule.isDelivered(Q3)).isTrue();
        }
    }

    @Test
    void deliveringAManualRunLeavesTheScheduleToRunTheQuarter() throws IOException {
        int port = freePort();
        try (ConfigurableApplicationContext context = start(port)) {
            assertThat(context.getBean(BriefingRunner.class).run(Q3).exitCode()).isEqualTo(ExitCodes.DELIVERY_FAILED);
            GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                assertThat(context.getBean(Redelivery.class).deliver(Q3).outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
            } finally {
                smtp.stop();
            }

            assertThat(context.getBean(ScheduledDeliveries.class).isDelivered(Q3)).isFalse();
        }
    }

    private ConfigurableApplicationContext start(int port) {
        return new SpringApplicationBuilder(BriefingApplication.class).web(WebApplicationType.NONE)
                .run("--briefing.input-dir=input", "--briefing.reports-dir=" + reports,
                        "--briefing.delivery.mode=smtp", "--briefing.delivery.recipients=reader@example.org",
                        "--briefing.delivery.initial-backoff=50ms", "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
