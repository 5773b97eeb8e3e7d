package org.outreachexchange.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One event sent to one subscription; the id orders the feed and is the SSE event id. */
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
}
