package org.dprktrade.briefing.delivery;

import java.util.Properties;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Safe defaults for the SMTP sender Boot builds from {@code spring.mail.*}, whatever the configuration
 * source (file, environment): finite timeouts (Jakarta Mail waits forever by default), and, whenever a
 * username is set, authentication over a required STARTTLS so a password never crosses the wire in
 * clear. A key set explicitly in {@code spring.mail.properties} wins over these.
 */
@Component
class MailSenderDefaults implements BeanPostProcessor {

    static final String TIMEOUT_MILLIS = "10000";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JavaMailSenderImpl sender) {
            Properties props = sender.getJavaMailProperties();
            for (String key : new String[] {"mail.smtp.connectiontimeout", "mail.smtp.timeout",
                    "mail.smtp.writetimeout"}) {
                props.putIfAbsent(key, TIMEOUT_MILLIS);
            }
            if (sender.getUsername() != null && !sender.getUsername().isBlank()) {
                props.putIfAbsent("mail.smtp.auth", "true");
                props.putIfAbsent("mail.smtp.starttls.enable", "true");
                props.putIfAbsent("mail.smtp.starttls.required", "true");
            }
        }
        return bean;
    }
}
