package org.outreachexchange.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The idempotent-consumer log. Recording an event id in the same transaction as its effect makes a redelivered
 * event a no-op: if the effect rolled back, so did the record, and the event will be applied on redelivery.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String INSERT = "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING";

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    ProcessedEvents(DataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** True the first time {@code consumer} sees {@code eventId}; false for a duplicate. */
    public boolean firstDelivery(String consumer, String eventId) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("ProcessedEvents.firstDelivery must run inside the transaction of the effect");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record event " + eventId + " as processed", e);
        }
    }
}
