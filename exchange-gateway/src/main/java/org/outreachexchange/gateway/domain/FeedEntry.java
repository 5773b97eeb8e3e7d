package org.outreachexchange.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One event sent to one subscription; the id is the SSE event id. The row also records the inserting transaction
 * ({@code xid}, filled by the database), which is what orders the SSE stream: see {@link FeedEntryRepository#streamAfter}.
 */
@Entity
@Table(name = "feed_entry")
public class FeedEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    /** The webhook-id of its delivery, stable across attempts. */
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "event_type")
    public String eventType;
    /** The aggregate (activity id or country); deliveries keep order per subject. */
    public String subject;
    /** The exact body sent: {"type", "timestamp", "data"}. */
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;

    /** {@code payload} is the body sent: {"type", "timestamp", "data"}. */
    public static FeedEntry of(UUID subscriptionId, String eventType, String subject, String payload, Instant now) {
        FeedEntry entry = new FeedEntry();
        entry.subscriptionId = subscriptionId;
        entry.eventId = UUID.randomUUID();
        entry.eventType = eventType;
        entry.subject = subject;
        entry.payload = payload;
        entry.createdAt = now;
        return entry;
    }
}
