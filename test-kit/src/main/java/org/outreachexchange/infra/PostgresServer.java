package org.outreachexchange.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL 17 server from the embedded binaries. Each service gets its own database on it.
 * {@link #durable} turns fsync and synchronous_commit back on: the binaries' defaults switch both off, which is
 * fine for tests and wrong wherever data must survive a crash or throughput is compared with a baseline.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean deleteOnClose;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir, boolean deleteOnClose) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
    }

    /** Fast and throw-away: a temporary data directory, fsync off. */
    public static PostgresServer temporary() {
        try {
            Path dir = Files.createTempDirectory("outreach-pg-");
            return new PostgresServer(builder(dir, FreePorts.next(), true).start(), dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    /** Keeps its data in {@code dataDir} across restarts, with fsync and synchronous commit on. */
    public static PostgresServer durable(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = builder(dataDir, port, false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            return new PostgresServer(builder.start(), dataDir, false);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dataDir, int port, boolean clean) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(clean)
                .setPort(port)
                .setServerConfig("max_connections", "300")
                .setPGStartupWait(Duration.ofSeconds(30));
    }

    /** Creates the database unless it exists; returns its JDBC URL. */
    public String createDatabase(String name) {
        createDatabase(port(), name);
        return jdbcUrl(name);
    }

    /** Creates the database on the server at {@code port} of this machine unless it exists. */
    public static void createDatabase(int port, String name) {
        onServer(port, name, statement -> {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    statement.execute("CREATE DATABASE " + name);
                }
            }
        });
    }

    /** Drops the database on the server at {@code port}, ending the sessions still connected to it. */
    public static void dropDatabase(int port, String name) {
        onServer(port, name, statement -> statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private interface Sql {
        void run(Statement statement) throws SQLException;
    }

    private static void onServer(int port, String database, Sql sql) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database names are lower-case identifiers: " + database);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            sql.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change database " + database + " on port " + port + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (deleteOnClose) {
                Directories.deleteRecursively(dataDir);
            }
        }
    }
}
