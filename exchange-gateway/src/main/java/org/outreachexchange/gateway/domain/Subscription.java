package org.outreachexchange.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A government's subscription; only that government may read or change it. */
@Entity
@Table(name = "subscription")
public class Subscription {

    @Id
    public UUID id;
    public String government;
    public String agency;
    @Enumerated(EnumType.STRING)
    public SubscriptionKind kind;
    @Enumerated(EnumType.STRING)
    public DeliveryChannel channel;
    public String url;
    /** Standard Webhooks signing secret ({@code whsec_<base64>}), shown to the subscriber once. */
    public String secret;
    /** The unguessable part of an iCalendar feed link. */
    @Column(name = "feed_token")
    public String feedToken;
    /** JSON of {@code SubscriptionFilters}. */
    public String filters;
    public boolean active;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "created_at")
    public Instant createdAt;
}
