package org.dprktrade.briefing.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.dprktrade.briefing.BriefingProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The embedded H2 file database in the state folder that keeps job metadata and run history. A running
 * {@code serve} owns it and serves it to the commands run beside it ({@link StateDatabaseSharing}); without
 * one, one command at a time opens it (a second gets a one-line refusal; the {@code postgres} profile is
 * for several instances). {@code DB_CLOSE_ON_EXIT=FALSE}: Spring closes it after Quartz has let a running
 * briefing finish, instead of H2's own shutdown hook closing it under the run. {@code WRITE_DELAY=0}:
 * every commit reaches the file at once, so a run killed a moment later still shows in history. Built
 * here rather than from {@code spring.datasource.url} because the folder follows {@code --reports}
 * and H2 wants an absolute path. The {@code postgres} profile replaces it with Boot's own data source.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!postgres")
class StateDatabaseConfiguration {

    @Bean
    DataSource dataSource(BriefingProperties properties, @Value("${briefing.internal.serve:false}") boolean serving) {
        Path stateDir = properties.resolvedStateDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state folder " + stateDir + ": " + e.getMessage(), e);
        }
        DataSource dataSource = StateDatabaseSharing.dataSource(stateDir.resolve("briefing"),
                "DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=10000", serving);
        createBatchTablesIfMissing(dataSource);
        return dataSource;
    }

    /**
     * Spring Batch's H2 schema, once. Boot's {@code initialize-schema: always} would run it at every start,
     * fail on every existing table, ignore the errors and leave them in an H2 trace file.
     */
    private static void createBatchTablesIfMissing(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, "BATCH_JOB_INSTANCE", null)) {
            if (!tables.next()) {
                new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql"))
                        .populate(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the state database: " + e.getMessage(), e);
        }
    }
}
