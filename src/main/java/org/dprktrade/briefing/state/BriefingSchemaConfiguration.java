package org.dprktrade.briefing.state;

import javax.sql.DataSource;

import org.dprktrade.briefing.support.ProductTables;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.DataSourceInitializer;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates the product's own tables (period locks, scheduled deliveries) at start from the one script that
 * defines them ({@link ProductTables}); it is idempotent. Under the {@code postgres} profile Flyway has applied
 * the same script before (migration V3) and this finds the tables there.
 */
@Configuration(proxyBeanMethods = false)
class BriefingSchemaConfiguration {

    @Bean
    @DependsOnDatabaseInitialization // after Flyway (profile postgres), which wants an empty database
    DataSourceInitializer briefingSchemaInitializer(DataSource dataSource) {
        DataSourceInitializer initializer = new DataSourceInitializer();
        initializer.setDataSource(dataSource);
        initializer.setDatabasePopulator(new ResourceDatabasePopulator(new ClassPathResource(ProductTables.SCRIPT)));
        return initializer;
    }
}
