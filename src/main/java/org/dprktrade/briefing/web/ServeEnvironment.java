package org.dprktrade.briefing.web;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Prepares {@code serve}'s environment before its context is built: the web server only when the console
 * is enabled (every other command starts without one), and the state database owned by this process.
 * Refuses to start a console that has no operator password: the refusal is one line for the user, so the
 * console log stays off for that start (the stack trace goes to the log file only). Runs before Boot sets
 * up logging; the refusal itself comes once logging is set up.
 */
public final class ServeEnvironment implements ApplicationListener<SpringApplicationEvent>, Ordered {

    /** The console is enabled but {@link ConsoleProperties#PASSWORD_VARIABLE} is not set. */
    public static final class MissingPasswordException extends RuntimeException {
        MissingPasswordException() {
            super("set the environment variable " + ConsoleProperties.PASSWORD_VARIABLE
                    + " to the console operator's password (or run without the console: briefing.console.enabled=false)");
        }
    }

    private boolean refuse;

    @Override
    public int getOrder() {
        // before LoggingApplicationListener (HIGHEST_PRECEDENCE + 20) reads the console threshold
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            ConfigurableEnvironment environment = prepared.getEnvironment();
            boolean console = environment.getProperty("briefing.console.enabled", Boolean.class, true);
            refuse = console && ConsoleProperties.password(environment, ConsoleProperties.PASSWORD_VARIABLE) == null;
            Map<String, Object> serve = new HashMap<>();
            serve.put("spring.main.web-application-type", console ? "servlet" : "none");
            serve.put("briefing.internal.serve", "true");
            if (refuse) {
                serve.put("logging.threshold.console", "OFF");
            }
            environment.getPropertySources().addFirst(new MapPropertySource("serve", serve));
        } else if (event instanceof ApplicationContextInitializedEvent && refuse) {
            throw new MissingPasswordException();
        }
    }
}
