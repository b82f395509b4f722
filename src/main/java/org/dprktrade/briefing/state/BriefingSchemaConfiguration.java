package org.dprktrade.briefing.state;

import javax.sql.DataSource;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.DataSourceInitializer;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates the product's own tables (period locks, scheduled deliveries) at start; the script is idempotent.
 * Under the {@code postgres} profile Flyway has created them before (migration V3) and this finds them there.
 */
@Configuration(proxyBeanMethods = false)
class BriefingSchemaConfiguration {

    @Bean
    @DependsOnDatabaseInitialization // after Flyway (profile postgres), which wants an empty database
    DataSourceInitializer briefingSchemaInitializer(DataSource dataSource) {
        DataSourceInitializer initializer = new DataSourceInitializer();
        initializer.setDataSource(dataSource);
        initializer.setDatabasePopulator(new ResourceDatabasePopulator(new ClassPathResource("db/briefing-schema.sql")));
        return initializer;
    }
}
