package org.dprktrade.briefing.web;

import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Prepares {@code serve}'s environment before its context is built: the web server only when the console
 * is enabled (every other command starts without one), and the state database owned by this process.
 * Refuses to start a console that has no operator password.
 */
public final class ServeEnvironment implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** The console is enabled but {@link ConsoleProperties#PASSWORD_VARIABLE} is not set. */
    public static final class MissingPasswordException extends RuntimeException {
        MissingPasswordException() {
            super("set the environment variable " + ConsoleProperties.PASSWORD_VARIABLE
                    + " to the console operator's password (or run without the console: briefing.console.enabled=false)");
        }
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        boolean console = environment.getProperty("briefing.console.enabled", Boolean.class, true);
        if (console && ConsoleProperties.password(environment, ConsoleProperties.PASSWORD_VARIABLE) == null) {
            throw new MissingPasswordException();
        }
        environment.getPropertySources().addFirst(new MapPropertySource("serve", Map.of(
                "spring.main.web-application-type", console ? "servlet" : "none",
                "briefing.internal.serve", "true")));
    }
}
