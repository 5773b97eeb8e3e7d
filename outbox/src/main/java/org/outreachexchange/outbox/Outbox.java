package org.outreachexchange.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.outreachexchange.identity.EventSeals;
import org.outreachexchange.outbox.trust.EventSealer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;

/**
 * Appends events to the outbox table inside the caller's transaction, so an event exists exactly when the change it
 * describes was committed. A service that writes a chain seals each event here ({@link EventSealer}). The relay is
 * woken after commit, which keeps the commit-to-topic latency low.
 * <p>
 * Each key's events are published in the order their transactions committed, whoever writes them: appending takes a
 * transaction-long lock on the key, so a second writer of the same key gets its outbox id only after the first has
 * committed, and the relay publishes by id. (Events of different keys may commit, and so be published, out of id order.)
 * A transaction that appends for several keys takes their locks in the order it appends; should two such
 * transactions wait on each other, PostgreSQL fails one of them, which its caller retries like any failed commit.
 */
@ApplicationScoped
public class Outbox {

    /** The SmallRye channel the relay publishes through; each service configures its topic and serializer. */
    public static final String CHANNEL = "outbox-events";

    /** The first half of the two-part advisory lock on a key; the second is the key's hash. */
    private static final int KEY_LOCK_SPACE = 0x0b7b0c6;
    private static final String LOCK_KEY = "SELECT pg_advisory_xact_lock(" + KEY_LOCK_SPACE + ", hashtext(?))";
    private static final String INSERT = "INSERT INTO outbox_event (event_id, event_type, source, subject, event_key,"
            + " payload, occurred_at, chain, chain_sequence, chain_previous, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final EventSealer sealer;

    Outbox(DataSource dataSource, TransactionSynchronizationRegistry transactions, OutboxRelay relay, EventSealer sealer) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
        this.sealer = sealer;
    }

    public void append(OutgoingEvent event) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Outbox.append must run inside the transaction that makes the change");
        }
        try (Connection connection = dataSource.getConnection()) {
            if (sealer.chain().isPresent()) {
                try (PreparedStatement lock = connection.prepareStatement(LOCK_KEY);
                     PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    lock.setString(1, event.key());
                    lock.execute();
                    bind(insert, 1, event, sealer.seal(connection, event));
                    insert.executeUpdate();
                }
            } else {
                // With nothing to seal in between, the driver sends the lock and the insert in one round trip and
                // runs them in that order, so the key is still locked before the row takes its id. A gateway event
                // that raises several notices spent most of its time waiting on these round trips.
                try (PreparedStatement lockAndInsert = connection.prepareStatement(LOCK_KEY + "; " + INSERT)) {
                    lockAndInsert.setString(1, event.key());
                    bind(lockAndInsert, 2, event, null);
                    lockAndInsert.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write event " + event.id() + " to the outbox", e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }

    /** Binds {@link #INSERT}'s parameters from position {@code first} on. */
    private static void bind(PreparedStatement insert, int first, OutgoingEvent event, EventSeals.Seal seal) throws SQLException {
        insert.setObject(first, event.id());
        insert.setString(first + 1, event.type());
        insert.setString(first + 2, event.source());
        insert.setString(first + 3, event.subject());
        insert.setString(first + 4, event.key());
        insert.setString(first + 5, event.payload());
        insert.setTimestamp(first + 6, Timestamp.from(event.occurredAt()));
        insert.setString(first + 7, seal == null ? null : seal.chain());
        insert.setObject(first + 8, seal == null ? null : seal.sequence(), Types.BIGINT);
        insert.setString(first + 9, seal == null ? null : seal.previous());
        insert.setString(first + 10, seal == null ? null : seal.signature());
    }
}
