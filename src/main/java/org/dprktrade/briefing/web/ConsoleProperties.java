package org.dprktrade.briefing.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * The console of {@code serve} ({@code briefing.console.*}). Passwords are never configuration keys: they
 * come from the environment variables {@value #PASSWORD_VARIABLE} and {@value #VIEWER_PASSWORD_VARIABLE}.
 *
 * @param enabled           whether {@code serve} starts the console, the API and the actuator at all
 * @param username          the operator account: may look, run and deliver
 * @param viewerUsername    the optional read-only account (enabled when its password variable is set)
 * @param maxFailedLogins   failed logins of an account in a row before it is locked
 * @param lockout           how long a locked account stays locked
 */
@ConfigurationProperties("briefing.console")
public record ConsoleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("operator") String username,
                                @DefaultValue("viewer") String viewerUsername,
                                @DefaultValue("5") int maxFailedLogins, @DefaultValue("5m") Duration lockout) {

    public static final String PASSWORD_VARIABLE = "BRIEFING_CONSOLE_PASSWORD";
    public static final String VIEWER_PASSWORD_VARIABLE = "BRIEFING_CONSOLE_VIEWER_PASSWORD";

    public ConsoleProperties {
        if (maxFailedLogins < 1) {
            throw new IllegalArgumentException("briefing.console.max-failed-logins must be 1 or more, was "
                    + maxFailedLogins);
        }
        if (username.equals(viewerUsername)) {
            throw new IllegalArgumentException("briefing.console.viewer-username must differ from "
                    + "briefing.console.username ('" + username + "')");
        }
    }

    /** The variable's value from the process environment (or a system property of that name), or null when blank. */
    static String password(Environment environment, String variable) {
        String value = environment.getProperty(variable);
        return value == null || value.isBlank() ? null : value;
    }
}
