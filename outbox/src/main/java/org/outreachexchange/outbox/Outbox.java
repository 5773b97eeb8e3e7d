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
 */
@ApplicationScoped
public class Outbox {

    /** The SmallRye channel the relay publishes through; each service configures its topic and serializer. */
    public static final String CHANNEL = "outbox-events";

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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            EventSeals.Seal seal = sealer.chain().isPresent() ? sealer.seal(connection, event) : null;
            insert.setObject(1, event.id());
            insert.setString(2, event.type());
            insert.setString(3, event.source());
            insert.setString(4, event.subject());
            insert.setString(5, event.key());
            insert.setString(6, event.payload());
            insert.setTimestamp(7, Timestamp.from(event.occurredAt()));
            insert.setString(8, seal == null ? null : seal.chain());
            insert.setObject(9, seal == null ? null : seal.sequence(), Types.BIGINT);
            insert.setString(10, seal == null ? null : seal.previous());
            insert.setString(11, seal == null ? null : seal.signature());
            insert.executeUpdate();
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
}
