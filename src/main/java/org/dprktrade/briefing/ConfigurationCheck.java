package org.dprktrade.briefing;

import java.util.Optional;

import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A check made as soon as the configuration files are read, before any bean (database, job) exists, whose
 * failure is raised only once logging has started: raised earlier, Spring would report it through a logging
 * system not yet configured, which prints to the terminal. The command then prints the failure's one line.
 * One instance per application start; not thread-safe (Spring publishes these events on one thread).
 */
public abstract class ConfigurationCheck implements SmartApplicationListener {

    private RuntimeException failure;

    /** @return what is wrong with the configuration, to be raised once logging has started; empty when sound */
    protected abstract Optional<RuntimeException> check(ConfigurableEnvironment environment);

    @Override
    public final boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
                || ApplicationContextInitializedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public final void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            failure = check(prepared.getEnvironment()).orElse(null);
        } else if (failure != null) {
            throw failure;
        }
    }
}
