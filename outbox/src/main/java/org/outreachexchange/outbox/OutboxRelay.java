package org.outreachexchange.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.OutgoingMessageMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import org.outreachexchange.events.EventSchemas;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.RecordMetadata;
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
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in commit order and marks them published once the broker has acknowledged them in
 * that order ({@link LogOrder}). While the broker is away, rows wait and the relay retries with backoff; nothing is
 * skipped, so an aggregate's events reach the topic in the order they were written (a copy written early is followed
 * by the events before it and then by itself again). A PostgreSQL advisory lock keeps a second instance of
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
                // After a failure one row goes first: sent with the rest, it could fail again while they succeed, and the
                // Kafka connector's own retry would then write it after them.
                int limit = backoffMillis > 0 ? 1 : config.batchSize();
                int sent = relayRound(limit);
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
                if (sent < limit) {
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
    private int relayRound(int limit) throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            if (!tryLock(connection)) {
                return -1;
            }
            try {
                List<Row> rows = unpublished(connection, limit);
                if (rows.isEmpty()) {
                    return 0;
                }
                List<LogOrder.Written> written = send(rows);
                int published = LogOrder.inOrder(written);
                markPublished(connection, rows.subList(0, published).stream().map(Row::id).toList());
                if (published < rows.size()) {
                    long acknowledged = written.stream().takeWhile(Objects::nonNull).count();
                    if (acknowledged < rows.size()) {
                        throw new IllegalStateException("broker acknowledged " + acknowledged + " of " + rows.size() + " events");
                    }
                    LOG.warnf("the broker wrote event %s ahead of an event before it (the Kafka connector retried a send);"
                            + " relaying it and the %d events after it again, in order", rows.get(published).eventId(),
                            rows.size() - published - 1);
                }
                return rows.size();
            } finally {
                unlock(connection);
            }
        }
    }

    /** Sends the rows pipelined and returns where the broker wrote each, up to the first one it did not acknowledge. */
    private List<LogOrder.Written> send(List<Row> rows) throws InterruptedException {
        List<CompletableFuture<LogOrder.Written>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            CompletableFuture<LogOrder.Written> ack = new CompletableFuture<>();
            try {
                emitter.send(message(row, ack));
            } catch (RuntimeException e) {
                ack.completeExceptionally(e);
            }
            acks.add(ack);
        }
        List<LogOrder.Written> written = new ArrayList<>(rows.size());
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (CompletableFuture<LogOrder.Written> ack : acks) {
            try {
                written.add(ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException | TimeoutException e) {
                break;
            }
        }
        while (written.size() < rows.size()) {
            written.add(null);
        }
        return written;
    }

    private static Message<String> message(Row row, CompletableFuture<LogOrder.Written> ack) {
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
        OutgoingMessageMetadata<RecordMetadata> result = new OutgoingMessageMetadata<>();
        return Message.of(row.payload(), Metadata.of(cloudEvent, kafka, result),
                () -> {
                    RecordMetadata at = result.getResult();
                    ack.complete(at == null ? null : new LogOrder.Written(at.partition(), at.offset()));
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }

    private List<Row> unpublished(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setInt(1, limit);
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
