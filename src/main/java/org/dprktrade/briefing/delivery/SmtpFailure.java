package org.dprktrade.briefing.delivery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;

import org.springframework.mail.MailAuthenticationException;

/**
 * Why sending one message failed, and whether trying again later can help. SMTP replies 4xx and
 * failures to reach or talk to the server (connection refused, timeouts, dropped connections) are
 * transient; 5xx replies, refused credentials and anything unrecognised are permanent, so a
 * misconfiguration is reported at once instead of being hammered {@code maxAttempts} times.
 *
 * @param description one line naming the server's reply or the failure (never a password: neither
 *                    Jakarta Mail nor Spring put credentials into exception messages)
 */
record SmtpFailure(boolean transientFailure, String description) {

    static SmtpFailure of(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof AuthenticationFailedException || t instanceof MailAuthenticationException) {
                return new SmtpFailure(false, "authentication failed: " + describe(deepestMessage(t)));
            }
        }
        // The reply the server gave decides; with several (one per refused recipient) a permanent one wins.
        Integer worst = null;
        Throwable replied = null;
        for (Throwable t : chain) {
            int code = replyCode(t);
            if (code >= 400 && code < 600 && (worst == null || code >= 500 && worst < 500)) {
                worst = code;
                replied = t;
            }
        }
        if (worst != null) {
            String text = describe(replied.getMessage());
            String reply = text.startsWith(String.valueOf(worst)) ? text : worst + " " + text;
            return new SmtpFailure(worst < 500, "SMTP " + reply);
        }
        for (Throwable t : chain) {
            if (t instanceof IOException) {
                return new SmtpFailure(true, joinedMessages(chain));
            }
        }
        return new SmtpFailure(false, joinedMessages(chain));
    }

    /**
     * The SMTP reply code carried by Angus Mail's {@code SMTPSendFailedException},
     * {@code SMTPAddressFailedException} and {@code SMTPSenderFailedException} ({@code getReturnCode()}),
     * else -1. Read reflectively because Angus is only a runtime dependency of the mail starter: the
     * code compiles against the Jakarta Mail API alone.
     */
    static int replyCode(Throwable t) {
        if (!(t instanceof MessagingException)) {
            return -1;
        }
        try {
            Object code = t.getClass().getMethod("getReturnCode").invoke(t);
            return code instanceof Integer i ? i : -1;
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            return -1;
        }
    }

    /** The failure, its causes and Jakarta Mail's chained "next" exceptions, each once. */
    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> out = new ArrayList<>();
        List<Throwable> todo = new ArrayList<>(List.of(failure));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            out.add(t);
            todo.add(t.getCause());
            if (t instanceof MessagingException m) {
                todo.add(m.getNextException());
            }
        }
        return out;
    }

    private static String deepestMessage(Throwable t) {
        String message = t.getMessage();
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                message = c.getMessage();
            }
        }
        return message;
    }

    /** Distinct messages from outermost to innermost, so "Couldn't connect …: Connection refused" reads in order. */
    private static String joinedMessages(List<Throwable> chain) {
        List<String> parts = new ArrayList<>();
        for (Throwable t : chain) {
            String m = describe(t.getMessage());
            if (!m.isEmpty() && parts.stream().noneMatch(p -> p.contains(m))) {
                parts.add(m);
            }
        }
        return parts.isEmpty() ? chain.get(0).getClass().getSimpleName() : String.join(": ", parts);
    }

    private static String describe(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }
}
