package org.outreachexchange.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One event of a government's chain as the gateway admitted it, exactly as sent with its seal. The shared outbox
 * module writes these rows ({@code TrustedEvents.admit}); the gateway only reads them.
 */
@Entity
@Table(name = "exchange_log")
@IdClass(LogEntry.Key.class)
public class LogEntry {

    @Id
    public String consumer;
    @Id
    @Column(name = "chain")
    public String government;
    @Id
    public long sequence;
    public String previous;
    public String signature;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "event_type")
    public String eventType;
    public String source;
    public String subject;
    @Column(name = "event_key")
    public String eventKey;
    public String data;
    @Column(name = "appended_at")
    public Instant appendedAt;

    public static class Key implements Serializable {
        public String consumer;
        public String government;
        public long sequence;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(consumer, k.consumer) && Objects.equals(government, k.government)
                    && sequence == k.sequence;
        }

        @Override
        public int hashCode() {
            return Objects.hash(consumer, government, sequence);
        }
    }
}
