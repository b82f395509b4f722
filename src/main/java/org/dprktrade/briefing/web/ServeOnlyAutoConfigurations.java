package org.dprktrade.briefing.web;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out the auto-configurations of the web console, the actuator, metrics and security unless the
 * application is a web application ({@code serve} with its console): the commands that start without a web
 * server then start as fast as they did before these libraries were on the class path (about 90
 * auto-configurations are never even evaluated).
 */
public final class ServeOnlyAutoConfigurations implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final List<String> WEB_ONLY = List.of(
            "org.springframework.boot.actuate.",
            "org.springframework.boot.health.",
            "org.springframework.boot.micrometer.",
            "org.springframework.boot.security.",
            "org.springframework.boot.servlet.",
            "org.springframework.boot.thymeleaf.",
            "org.springframework.boot.tomcat.",
            "org.springframework.boot.webmvc.",
            "org.springframework.boot.http.converter.",
            "org.springframework.boot.jackson.",
            "org.springframework.boot.autoconfigure.info.");

    /** Health, metrics and endpoint auto-configurations of the other modules (JDBC, Flyway, mail, Quartz, Batch). */
    private static final Pattern WEB_ONLY_ELSEWHERE = Pattern.compile(
            "org\\.springframework\\.boot\\..*(\\.(health|metrics|observation)\\.|EndpointAutoConfiguration$|HealthContributorAutoConfiguration$)");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean web = environment == null
                || !"none".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type", "servlet"));
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < matches.length; i++) {
            String name = autoConfigurationClasses[i];
            matches[i] = web || name == null
                    || (WEB_ONLY.stream().noneMatch(name::startsWith) && !WEB_ONLY_ELSEWHERE.matcher(name).find());
        }
        return matches;
    }
}
