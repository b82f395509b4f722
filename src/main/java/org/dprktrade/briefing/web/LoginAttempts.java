package org.dprktrade.briefing.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account after {@code briefing.console.max-failed-logins} wrong passwords in a row, for
 * {@code briefing.console.lockout}: guessing a password through the login form or HTTP basic then takes
 * years. Counts only the configured accounts, so made-up names cannot fill memory. Thread-safe.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private record Failures(int count, Instant lockedUntil) {
    }

    private final ConsoleProperties console;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginAttempts(ConsoleProperties console) {
        this.console = console;
        this.clock = Clock.systemUTC();
    }

    boolean isLocked(String username) {
        Failures f = failures.get(username);
        return f != null && f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil());
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        if (!username.equals(console.username()) && !username.equals(console.viewerUsername())) {
            return;
        }
        Failures now = failures.compute(username, (name, before) -> {
            int count = (before == null || (before.lockedUntil() != null && !isLockedAt(before))) ? 1
                    : before.count() + 1;
            return new Failures(count, count >= console.maxFailedLogins()
                    ? clock.instant().plus(console.lockout()) : null);
        });
        if (now.lockedUntil() != null && now.count() == console.maxFailedLogins()) {
            log.warn("console account '{}' locked for {} after {} failed logins", username, console.lockout(),
                    now.count());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        failures.remove(event.getAuthentication().getName());
    }

    private boolean isLockedAt(Failures f) {
        return clock.instant().isBefore(f.lockedUntil());
    }
}
