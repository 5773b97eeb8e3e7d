package org.outreachexchange.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Appends events to the outbox table inside the caller's transaction, so an event exists exactly when the change it
 * describes was committed. The relay is woken after commit, which keeps the commit-to-topic latency low.
 */
@ApplicationScoped
public class Outbox {

    /** The SmallRye channel the relay publishes through; each service configures its topic and serializer. */
    public static final String CHANNEL = "outbox-events";

    private static final String INSERT = "INSERT INTO outbox_event"
            + " (event_id, event_type, source, subject, event_key, payload, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(DataSource dataSource, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
    }

    public void append(OutgoingEvent event) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Outbox.append must run inside the transaction that makes the change");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, event.id());
            insert.setString(2, event.type());
            insert.setString(3, event.source());
            insert.setString(4, event.subject());
            insert.setString(5, event.key());
            insert.setString(6, event.payload());
            insert.setTimestamp(7, Timestamp.from(event.occurredAt()));
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
