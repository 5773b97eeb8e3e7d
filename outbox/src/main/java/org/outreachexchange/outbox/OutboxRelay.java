package org.outreachexchange.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import org.outreachexchange.events.EventSchemas;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.outreachexchange.identity.EventSeals;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in commit order and marks them published once the broker has acknowledged them.
 * While the broker is away, rows wait and the relay retries with backoff; nothing is skipped, so an aggregate's
 * events reach the topic in the order they were written. A PostgreSQL advisory lock keeps a second instance of
 * the same service from relaying or purging at the same time; an instance that finds it taken looks again shortly,
 * since the holder may have read its batch before this instance's latest commit.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_ID = 0x0b7b0c5L;
    /** How soon an instance that found another relaying looks again; a round takes milliseconds. */
    private static final long LOCK_RETRY_MILLIS = 20;
    private static final String SELECT = "SELECT id, event_id, event_type, source, subject, event_key, payload, occurred_at,"
            + " chain_sequence, chain_previous, signature FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT ?";

    private static final String MARK = "UPDATE outbox_event SET published_at = now() WHERE id = ANY (?)";
    private static final String PURGE = "DELETE FROM outbox_event WHERE published_at < now() - interval '7 days'";
    private static final String PURGE_PROCESSED = "DELETE FROM processed_event WHERE processed_at < now() - ?::interval";

    private final Emitter<String> emitter;
    private final DataSource dataSource;
    private final OutboxConfig config;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    OutboxRelay(@Channel(Outbox.CHANNEL) Emitter<String> emitter, DataSource dataSource, OutboxConfig config) {
        this.emitter = emitter;
        this.dataSource = dataSource;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Called after a commit that appended events. */
    public void wakeUp() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Rows not yet acknowledged by the broker. */
    public long pending() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count pending outbox rows", e);
        }
    }

    private void loop() {
        long backoffMillis = 0;
        int rounds = 0;
        while (running) {
            try {
                int sent = relayRound();
                if (sent < 0) {
                    await(LOCK_RETRY_MILLIS);
                    continue;
                }
                if (backoffMillis > 0) {
                    LOG.info("outbox relay is publishing again");
                }
                backoffMillis = 0;
                if (++rounds % 1000 == 0) {
                    purgePublished();
                }
                if (sent < config.batchSize()) {
                    await(config.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | SQLException e) {
                if (backoffMillis == 0) {
                    LOG.warnf("outbox relay cannot publish, events wait in the outbox and will be retried: %s", e.getMessage());
                }
                backoffMillis = Math.min(Math.max(100, backoffMillis * 2), config.maxBackoff().toMillis());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void await(long millis) throws InterruptedException {
        if (signal.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            signal.drainPermits();
        }
    }

    /** Relays one batch; returns how many rows it sent, or -1 when another instance holds the relay's lock. */
    private int relayRound() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            if (!tryLock(connection)) {
                return -1;
            }
            try {
                List<Row> rows = unpublished(connection);
                if (rows.isEmpty()) {
                    return 0;
                }
                List<Long> acknowledged = send(rows);
                markPublished(connection, acknowledged);
                if (acknowledged.size() < rows.size()) {
                    throw new IllegalStateException("broker acknowledged " + acknowledged.size() + " of " + rows.size() + " events");
                }
                return rows.size();
            } finally {
                unlock(connection);
            }
        }
    }

    /** Sends the rows pipelined and returns the ids of the longest acknowledged prefix. */
    private List<Long> send(List<Row> rows) throws InterruptedException {
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            try {
                emitter.send(message(row, ack));
            } catch (RuntimeException e) {
                ack.completeExceptionally(e);
            }
            acks.add(ack);
        }
        List<Long> acknowledged = new ArrayList<>(rows.size());
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(rows.get(i).id());
            } catch (ExecutionException | TimeoutException e) {
                break;
            }
        }
        return acknowledged;
    }

    private static Message<String> message(Row row, CompletableFuture<Void> ack) {
        var builder = OutgoingCloudEventMetadata.builder()
                .withId(row.eventId().toString())
                .withType(row.type())
                .withSource(URI.create(row.source()))
                .withSubject(row.subject())
                .withTimestamp(row.occurredAt().atZone(ZoneOffset.UTC))
                .withDataContentType("application/json");
        // The schema version this build writes: consumers read any minor of its major (docs/CONVENTIONS.md).
        EventSchemas.ofType(row.type()).ifPresent(schema -> builder.withDataSchema(URI.create(schema.current().uri())));
        if (row.signature() != null) {
            builder.withExtension(EventSeals.SEQUENCE_EXTENSION, Long.toString(row.sequence()))
                    .withExtension(EventSeals.PREVIOUS_EXTENSION, row.previous())
                    .withExtension(EventSeals.SIGNATURE_EXTENSION, row.signature());
        }
        OutgoingCloudEventMetadata<Object> cloudEvent = builder.build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder().withKey(row.key()).build();
        return Message.of(row.payload(), Metadata.of(cloudEvent, kafka),
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }

    private List<Row> unpublished(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                            rs.getLong(9), rs.getString(10), rs.getString(11)));
                }
                return rows;
            }
        }
    }

    private static void markPublished(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement mark = connection.prepareStatement(MARK)) {
            mark.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            mark.executeUpdate();
        }
    }

    /**
     * Published rows after 7 days, and consumers' processed-event ids after {@code processed-retention}: a redelivery
     * older than that is no longer recognised by its id, and is then stopped by the consumers' version checks.
     */
    private void purgePublished() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             PreparedStatement processed = connection.prepareStatement(PURGE_PROCESSED)) {
            if (!tryLock(connection)) {
                return; // another replica is relaying; it purges on its own rounds
            }
            try {
                statement.executeUpdate(PURGE);
                processed.setString(1, config.processedRetention().toSeconds() + " seconds");
                processed.executeUpdate();
            } finally {
                unlock(connection);
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_ID + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + LOCK_ID + ")");
        }
    }

    private record Row(long id, UUID eventId, String type, String source, String subject, String key, String payload,
                       Instant occurredAt, long sequence, String previous, String signature) {
    }
}
