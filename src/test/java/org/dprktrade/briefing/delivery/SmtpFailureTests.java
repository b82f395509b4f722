package org.dprktrade.briefing.delivery;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpFailureTests {

    static SMTPAddressFailedException refused(int code, String text) throws Exception {
        return new SMTPAddressFailedException(new InternetAddress("reader@example.org"), "RCPT TO:<reader@example.org>",
                code, code + " " + text + "\n");
    }

    /** As Angus throws when no recipient was accepted: the per-address refusals hang off the "next" chain. */
    static SendFailedException invalidAddresses(MessagingException... refusals) {
        SendFailedException top = new SendFailedException("Invalid Addresses");
        MessagingException last = top;
        for (MessagingException r : refusals) {
            last.setNextException(r);
            last = r;
        }
        return top;
    }

    @Nested
    class Transient {

        @Test
        void a4xxRecipientRefusalFoundThroughTheNextChain() throws Exception {
            SmtpFailure f = SmtpFailure.of(invalidAddresses(refused(451, "4.7.1 Greylisted")));
            assertThat(f).isEqualTo(new SmtpFailure(true, "SMTP 451 4.7.1 Greylisted"));
        }

        @Test
        void a4xxReplyToData() {
            SmtpFailure f = SmtpFailure.of(new SMTPSendFailedException("DATA", 452, "452 4.3.1 Insufficient system storage",
                    null, null, null, null));
            assertThat(f).isEqualTo(new SmtpFailure(true, "SMTP 452 4.3.1 Insufficient system storage"));
        }

        @Test
        void aRefusedConnection() {
            SmtpFailure f = SmtpFailure.of(new MailConnectException(new SocketConnectException(
                    "Using socket factory", new ConnectException("Connection refused"), "127.0.0.1", 25, 10000)));
            assertThat(f.transientFailure()).isTrue();
            assertThat(f.description()).isEqualTo(
                    "Couldn't connect to host, port: 127.0.0.1, 25; timeout 10000; Using socket factory: Connection refused");
        }

        @Test
        void aReadTimeout() {
            SmtpFailure f = SmtpFailure.of(new MessagingException("Exception reading response",
                    new SocketTimeoutException("Read timed out")));
            assertThat(f).isEqualTo(new SmtpFailure(true, "Exception reading response: Read timed out"));
        }
    }

    @Nested
    class Permanent {

        @Test
        void a5xxRecipientRefusal() throws Exception {
            assertThat(SmtpFailure.of(invalidAddresses(refused(550, "5.1.1 No such user"))))
                    .isEqualTo(new SmtpFailure(false, "SMTP 550 5.1.1 No such user"));
        }

        @Test
        void a5xxWinsOverA4xxInTheSameFailure() throws Exception {
            assertThat(SmtpFailure.of(invalidAddresses(refused(451, "4.7.1 Greylisted"), refused(553, "5.1.3 Bad address"))))
                    .isEqualTo(new SmtpFailure(false, "SMTP 553 5.1.3 Bad address"));
        }

        @Test
        void refusedCredentials() {
            SmtpFailure direct = SmtpFailure.of(new AuthenticationFailedException("535 5.7.8 Authentication credentials invalid"));
            SmtpFailure wrapped = SmtpFailure.of(new MailAuthenticationException(
                    new AuthenticationFailedException("535 5.7.8 Authentication credentials invalid")));
            assertThat(direct).isEqualTo(new SmtpFailure(false, "authentication failed: 535 5.7.8 Authentication credentials invalid"));
            assertThat(wrapped.transientFailure()).isFalse();
            assertThat(wrapped.description()).isEqualTo("authentication failed: 535 5.7.8 Authentication credentials invalid");
        }

        @Test
        void anUnrecognisedFailure() {
            assertThat(SmtpFailure.of(new MessagingException("STARTTLS is required but host does not support STARTTLS")))
                    .isEqualTo(new SmtpFailure(false, "STARTTLS is required but host does not support STARTTLS"));
        }
    }
}
