package org.outreachexchange.bench;

import org.outreachexchange.infra.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The raw database baseline for ingest: the scheduling-service's planning transaction (idempotency key claimed,
 * activity with its list position drawn under its lock, recipient, the outbox key's lock, the government's chain head
 * advanced, outbox row) run by pgbench at the same concurrency, on the same PostgreSQL, in a
 * database with the service's own schema (its Flyway scripts and the outbox's).
 */
final class PgBaseline {

    static final String DATABASE = "bench_pgbench";

    /** A planned event as the service writes it; the baseline writes a payload of its length (pgbench reads ':' as a variable). */
    private static final String PAYLOAD = "{\"activityId\":\"00000000-0000-0000-0000-000000000000\",\"version\":1,\"organizer\":\"JP\","
            + "\"type\":\"INDUSTRY_OUTREACH_SEMINAR\",\"title\":\"bench activity with a title of ordinary length\","
            + "\"recipients\":[\"MY\"],\"schedule\":{\"precision\":\"DATES\",\"month\":null,\"start\":\"2027-03-01\",\"end\":\"2027-03-02\"},"
            + "\"location\":\"Kuala Lumpur\",\"agenda\":[\"Opening\",\"Catch-all controls\",\"Internal compliance programmes\"],"
            + "\"objectives\":[{\"element\":\"INDUSTRY_COOPERATION\",\"text\":\"Introduce ICP to exporters\"}],\"status\":\"PLANNED\","
            + "\"distribution\":{\"scope\":\"ALL_PARTNERS\",\"governments\":[]},\"results\":null,\"cancellationReason\":null,"
            + "\"occurredAt\":\"2027-01-01T00:00:00Z\"}";

    private static final String[] TRANSACTION = {
            "SELECT gen_random_uuid() AS id",
            "INSERT INTO idempotency_key (government, idempotency_key, request_hash, activity_id, created_at)"
                    + " VALUES ('JP', {id}, repeat('0', 64), {id}, now()) ON CONFLICT DO NOTHING",
            "INSERT INTO activity (id, organizer, type, title, schedule_precision, schedule_month, schedule_start, schedule_end,"
                    + " period_start, period_end, location, agenda, objectives, status, distribution_scope, distribution_governments,"
                    + " results, cancellation_reason, version, created_at, updated_at, created_by, list_position) VALUES ({id}, 'JP',"
                    + " 'INDUSTRY_OUTREACH_SEMINAR', 'bench activity', 'DATES', NULL, '2027-03-01', '2027-03-02', '2027-03-01', '2027-03-02',"
                    + " 'Kuala Lumpur', '[\"Opening\",\"Catch-all controls\"]', '[{\"element\":\"INDUSTRY_COOPERATION\",\"text\":\"Introduce ICP\"}]',"
                    + " 'PLANNED', 'ALL_PARTNERS', '[]', NULL, NULL, 1, now(), now(), 'METI',"
                    // ActivityRepository.nextListPosition: numbers drawn under a transaction-long lock, in commit order.
                    + " (SELECT nextval('activity_list_position') FROM pg_advisory_xact_lock(" + 0x5c4ed + ", 0)))",
            "INSERT INTO activity_recipient (activity_id, position, country) VALUES ({id}, 0, 'MY')",
            // Outbox.append: the key's lock, then EventSealer's chain head (the signature itself is made in Java).
            "SELECT pg_advisory_xact_lock(" + 0x0b7b0c6 + ", hashtext({id}::text))",
            "INSERT INTO outbox_chain (chain, sequence, link) VALUES ('JP', 0, repeat('0', 64)) ON CONFLICT DO NOTHING",
            "SELECT sequence, link FROM outbox_chain WHERE chain = 'JP' FOR UPDATE",
            "UPDATE outbox_chain SET sequence = sequence + 1, link = md5({id}::text) || md5({id}::text) WHERE chain = 'JP'",
            "INSERT INTO outbox_event (event_id, event_type, source, subject, event_key, payload, occurred_at, chain, chain_sequence,"
                    + " chain_previous, signature) VALUES (gen_random_uuid(), 'outreach.activity.planned', '/outreach/scheduling/JP',"
                    + " {id}, {id}, concat('{\"activityId\":\"', {id}::text, '\",\"snapshot\":\"', repeat('x', " + (PAYLOAD.length() - 60) + "), '\"}'),"
                    + " now(), 'JP', (SELECT sequence FROM outbox_chain WHERE chain = 'JP'), repeat('0', 64), repeat('s', 86))"
    };

    record Result(double tps, String tool, double latencyMs) {
    }

    private final int port;
    private final Path repository;
    private final Path work;

    /** On the PostgreSQL server at {@code port}, the one the scheduling-service measured beside it uses. */
    PgBaseline(int port, Path repository, Path work) {
        this.port = port;
        this.repository = repository;
        this.work = work;
    }

    /** A fresh database with the service's schema. */
    void prepare() {
        PostgresServer.dropDatabase(port, DATABASE);
        PostgresServer.createDatabase(port, DATABASE);
        List<Path> scripts = new ArrayList<>();
        scripts.addAll(sql(repository.resolve("scheduling-service/src/main/resources/db/migration")));
        scripts.addAll(sql(repository.resolve("outbox/src/main/resources/db/outbox")));
        scripts.sort(Comparator.comparingInt(PgBaseline::version));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (Path script : scripts) {
                s.execute(Files.readString(script));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot prepare the pgbench database", e);
        }
    }

    Result run(int clients, Duration duration) {
        Optional<Path> pgbench = pgbench();
        return pgbench.isPresent() ? runPgbench(pgbench.get(), clients, duration) : runJdbc(clients, duration);
    }

    private Result runPgbench(Path pgbench, int clients, Duration duration) {
        StringBuilder script = new StringBuilder("BEGIN;\n");
        script.append(TRANSACTION[0]).append(" \\gset\n");
        for (int i = 1; i < TRANSACTION.length; i++) {
            script.append(TRANSACTION[i].replace("{id}", ":id")).append(";\n");
        }
        script.append("END;\n");
        try {
            Files.createDirectories(work);
            Path file = work.resolve("insert-plus-outbox.sql");
            Files.writeString(file, script.toString());
            Process p = new ProcessBuilder(pgbench.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
                    "-n", "-M", "extended", "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                    "-T", Long.toString(duration.toSeconds()), "-f", file.toString(), DATABASE)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("pgbench failed: " + out);
            }
            Files.writeString(work.resolve("pgbench-c" + clients + ".log"), out);
            return new Result(number(out, "tps = ([0-9.]+)"), "pgbench " + pgbench, number(out, "latency average = ([0-9.]+) ms"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same statements from a JDBC loop per client, where pgbench cannot be had. */
    private Result runJdbc(int clients, Duration duration) {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                try (Connection c = connect()) {
                    c.setAutoCommit(false);
                    while (System.nanoTime() < end) {
                        String id = java.util.UUID.randomUUID().toString();
                        for (int i = 1; i < TRANSACTION.length; i++) {
                            try (PreparedStatement s = c.prepareStatement(TRANSACTION[i].replace("{id}", "'" + id + "'"))) {
                                s.execute();
                            }
                        }
                        c.commit();
                        done.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double tps = done.get() / (double) duration.toSeconds();
        return new Result(tps, "JDBC loop (pgbench not found)", clients * 1000.0 / tps);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, PostgresServer.USER, PostgresServer.PASSWORD);
    }

    static Optional<Path> pgbench() {
        String configured = System.getenv("PGBENCH");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "pgbench");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static List<Path> sql(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("V[0-9]+__.*\\.sql")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
