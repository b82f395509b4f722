package org.dprktrade.briefing.schedule;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates Quartz's tables once, when they are missing. Boot's own initializer is off: Quartz's scripts
 * either fail on existing tables (H2) or drop them (PostgreSQL), losing schedules and pending misfires.
 */
@Component
@ConditionalOnScheduler
class QuartzSchema {

    private static final Logger log = LoggerFactory.getLogger(QuartzSchema.class);

    private final DataSource dataSource;

    QuartzSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    synchronized void createIfMissing() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            if (exists(meta, "QRTZ_TRIGGERS") || exists(meta, "qrtz_triggers")) {
                return;
            }
            String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
            String script = product.contains("postgres") ? "tables_postgres.sql" : "tables_h2.sql";
            ResourceDatabasePopulator populator =
                    new ResourceDatabasePopulator(new ClassPathResource("org/quartz/impl/jdbcjobstore/" + script));
            populator.setCommentPrefixes("--", "#");
            populator.populate(connection);
            log.info("created the Quartz tables ({})", script);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the scheduler's tables: " + e.getMessage(), e);
        }
    }

    private static boolean exists(DatabaseMetaData meta, String table) throws SQLException {
        try (ResultSet rs = meta.getTables(null, null, table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
