package org.dprktrade.briefing.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Properties;

import javax.sql.DataSource;

import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * How several processes share the H2 state file: {@code serve} owns it. It opens the file itself (waiting
 * while a command that opened it first finishes), serves it on a loopback TCP port to the commands run beside
 * it, and writes the port and a random key to {@value #ENDPOINT_FILE} in the state folder (readable by its
 * owner only). A command connects there when that file names a live server, and opens the file itself
 * otherwise. So a command is always {@code serve}'s client, never the other way round: the process that ends
 * first never takes another's open transactions with it. A {@code kill -9} leaves no lock: the operating
 * system releases the file lock, and a stale endpoint file is ignored once its port no longer answers.
 *
 * <p>Not H2's automatic mixed mode ({@code AUTO_SERVER=TRUE}): there the first process to open the file
 * serves it, so a short command that happened to start first would cut a long-running {@code serve}'s
 * connections when it ends (their open transactions are rolled back), and it cannot be combined with
 * {@code DB_CLOSE_ON_EXIT=FALSE}, which lets a run that is stopping record how it ended.
 */
final class StateDatabaseSharing {

    private static final Logger log = LoggerFactory.getLogger(StateDatabaseSharing.class);

    static final String ENDPOINT_FILE = "serve.endpoint";

    /** H2's "Database may be already in use". */
    private static final int DATABASE_IN_USE = 90020;

    private StateDatabaseSharing() {
    }

    /**
     * @param file    the database file without its {@code .mv.db} suffix, absolute
     * @param options the URL options every connection gets
     * @param serving whether this is {@code serve}, which owns the file and serves it to the others
     */
    static DataSource dataSource(Path file, String options, boolean serving) {
        String embedded = "jdbc:h2:file:" + file + ";" + options;
        Path endpointFile = file.resolveSibling(ENDPOINT_FILE);
        if (serving) {
            return owned(file, embedded, endpointFile);
        }
        String remote = liveEndpoint(endpointFile, options);
        return pool(remote != null ? remote : embedded);
    }

    private static DataSource pool(String url) {
        return DataSourceBuilder.create().url(url).username("sa").password("").build();
    }

    /** A {@code jdbc:h2:tcp:} URL of a running serve, or null when none answers. */
    private static String liveEndpoint(Path endpointFile, String options) {
        if (!Files.isRegularFile(endpointFile)) {
            return null;
        }
        Properties endpoint = new Properties();
        try (var in = Files.newInputStream(endpointFile)) {
            endpoint.load(in);
        } catch (IOException e) {
            return null;
        }
        String url = "jdbc:h2:tcp://127.0.0.1:" + endpoint.getProperty("port") + "/" + endpoint.getProperty("key")
                + ";" + options.replace("DB_CLOSE_ON_EXIT=FALSE;", "");
        try (Connection probe = DriverManager.getConnection(url, "sa", "")) {
            return url;
        } catch (SQLException gone) {
            // serve has ended (or was killed): this command opens the file itself
            return null;
        }
    }

    private static DataSource owned(Path file, String embedded, Path endpointFile) {
        Connection owner = openWhenFree(embedded, file);
        Server server;
        try {
            String key = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            // loopback only (no -tcpAllowOthers); the key is the only database name it answers to
            server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-key", key, file.toString()).start();
            writeEndpoint(endpointFile, server.getPort(), key);
        } catch (SQLException e) {
            closeQuietly(owner);
            throw new IllegalStateException("cannot share the state database with commands run beside serve: "
                    + e.getMessage(), e);
        }
        return new OwnedDataSource(pool(embedded), owner, server, endpointFile);
    }

    /** Opens the file in this process, waiting while another process (a command started first) has it. */
    private static Connection openWhenFree(String url, Path file) {
        boolean told = false;
        while (true) {
            try {
                return DriverManager.getConnection(url, "sa", "");
            } catch (SQLException e) {
                if (e.getErrorCode() != DATABASE_IN_USE) {
                    throw new IllegalStateException("cannot open the state database " + file + ".mv.db: "
                            + e.getMessage(), e);
                }
            }
            if (!told) {
                log.info("another briefing command is using the state database {}.mv.db; serving once it ends", file);
                told = true;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the state database", e);
            }
        }
    }

    private static void writeEndpoint(Path endpointFile, int port, String key) {
        try {
            Path temporary = Files.createTempFile(endpointFile.getParent(), ".endpoint", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the state folder's own permissions must do
            }
            Files.writeString(temporary, "# the state database served by a running serve (see StateDatabaseSharing)\n"
                    + "port=" + port + "\nkey=" + key + "\n");
            try {
                Files.move(temporary, endpointFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, endpointFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + endpointFile + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }

    /** serve's pool, plus what keeps the file its own and shared until the context closes. */
    static final class OwnedDataSource extends DelegatingDataSource implements AutoCloseable {
        private final Connection owner;
        private final Server server;
        private final Path endpointFile;

        OwnedDataSource(DataSource pool, Connection owner, Server server, Path endpointFile) {
            super(pool);
            this.owner = owner;
            this.server = server;
            this.endpointFile = endpointFile;
        }

        @Override
        public void close() throws Exception {
            try {
                Files.deleteIfExists(endpointFile);
                server.stop();
                if (getTargetDataSource() instanceof AutoCloseable pool) {
                    pool.close();
                }
            } finally {
                owner.close();
            }
        }
    }
}
