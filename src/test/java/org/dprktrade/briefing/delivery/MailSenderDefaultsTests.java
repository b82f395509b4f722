package org.dprktrade.briefing.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailSenderDefaultsTests {

    @Test
    void everySenderGetsFiniteTimeouts() {
        JavaMailSenderImpl sender = processed(new JavaMailSenderImpl());

        assertThat(sender.getJavaMailProperties())
                .containsEntry("mail.smtp.connectiontimeout", "10000")
                .containsEntry("mail.smtp.timeout", "10000")
                .containsEntry("mail.smtp.writetimeout", "10000")
                .doesNotContainKey("mail.smtp.starttls.required");
    }

    @Test
    void aLoginIsOnlyEverSentOverRequiredStarttls() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setUsername("briefing");

        assertThat(processed(sender).getJavaMailProperties())
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true");
    }

    @Test
    void explicitSettingsWin() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setUsername("briefing");
        sender.getJavaMailProperties().setProperty("mail.smtp.timeout", "2500");
        sender.getJavaMailProperties().setProperty("mail.smtp.starttls.required", "false");

        assertThat(processed(sender).getJavaMailProperties())
                .containsEntry("mail.smtp.timeout", "2500")
                .containsEntry("mail.smtp.starttls.required", "false");
    }

    private static JavaMailSenderImpl processed(JavaMailSenderImpl sender) {
        return (JavaMailSenderImpl) new MailSenderDefaults().postProcessBeforeInitialization(sender, "mailSender");
    }
}
