package org.dprktrade.briefing.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import javax.sql.DataSource;

import org.dprktrade.briefing.BriefingProperties;

import org.dprktrade.briefing.support.ProductTables;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.DataSourceInitializer;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Delivery's beans: the {@code BRIEFING_DELIVERY} table (created if missing at start), its records
 * and the delivery service. Needs a {@link DataSource} and a {@link JdbcTemplate}; a
 * {@link JavaMailSender} is used only in smtp mode and only when Boot made one
 * ({@code spring.mail.host} set). A {@link Clock} bean, if there is one, stamps records and files.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DeliveryProperties.class, BriefingProperties.class })
class DeliveryConfiguration {

    /** The product's tables, delivery records among them: one definition for H2 and PostgreSQL. */
    static final String SCHEMA = ProductTables.SCRIPT;

    @Bean
    @DependsOnDatabaseInitialization // after Flyway (profile postgres), which wants an empty database
    DataSourceInitializer briefingDeliverySchema(DataSource dataSource) {
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource(SCHEMA));
        populator.setSqlScriptEncoding(StandardCharsets.UTF_8.name());
        DataSourceInitializer initializer = new DataSourceInitializer();
        initializer.setDataSource(dataSource);
        initializer.setDatabasePopulator(populator);
        return initializer;
    }

    @Bean
    @DependsOn("briefingDeliverySchema")
    DeliveryRecords deliveryRecords(JdbcTemplate jdbcTemplate, ObjectProvider<Clock> clock) {
        return new DeliveryRecords(jdbcTemplate, clock.getIfAvailable(Clock::systemDefaultZone));
    }

    @Bean
    BriefingDelivery briefingDelivery(DeliveryProperties properties, BriefingProperties briefing,
                                      DeliveryRecords records, ObjectProvider<JavaMailSender> mailSender,
                                      ObjectProvider<Clock> clock) {
        return new BriefingDelivery(properties, properties.outboxDirIn(briefing.reportsDir()), records, mailSender,
                clock.getIfAvailable(Clock::systemDefaultZone));
    }
}
