package org.dprktrade.briefing.schedule;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh, empty PostgreSQL database for one test, created on the server that
 * {@code BRIEFING_TEST_POSTGRES_URL} names (started by {@code .ci/postgres.sh start}) and dropped on
 * {@link #close()}. Without that variable the calling test is skipped, so {@code mvn verify} passes on a
 * machine without PostgreSQL; CI sets it and checks that these tests ran.
 */
final class PostgresTestDatabase implements AutoCloseable {

    static final String URL_VARIABLE = "BRIEFING_TEST_POSTGRES_URL";

    private final String serverUrl;
    private final String name;

    private PostgresTestDatabase(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    /** Creates the database, or skips the test when no server is configured. */
    static PostgresTestDatabase create() throws SQLException {
        String serverUrl = System.getenv(URL_VARIABLE);
        Assumptions.assumeTrue(serverUrl != null && !serverUrl.isBlank(),
                URL_VARIABLE + " is not set: no PostgreSQL server to test against (start one: .ci/postgres.sh start)");
        String name = "briefing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(serverUrl, user(), password().orElse(null));
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new PostgresTestDatabase(serverUrl, name);
    }

    /** The JDBC URL of this test's database: the server's URL with the database name replaced. */
    String url() {
        return serverUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    static String user() {
        return Optional.ofNullable(System.getenv("BRIEFING_TEST_POSTGRES_USER")).orElse("briefing");
    }

    static Optional<String> password() {
        return Optional.ofNullable(System.getenv("BRIEFING_TEST_POSTGRES_PASSWORD"));
    }

    /** Spring arguments that put an application (or a {@code briefing} command) on this database. */
    String[] springArguments() {
        return new String[] {"--spring.profiles.active=postgres", "--spring.datasource.url=" + url(),
                "--spring.datasource.username=" + user()};
    }

    /** The environment a child process needs: the password, as the product reads it. */
    Map<String, String> childEnvironment() {
        return password().map(p -> Map.of("SPRING_DATASOURCE_PASSWORD", p)).orElse(Map.of());
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(url(), user(), password().orElse(null)));
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(serverUrl, user(), password().orElse(null));
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
