package org.outreachexchange.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

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

    /**
     * Kind and channel are fixed for the subscription's life. A webhook gets a signing secret, an iCalendar feed an
     * unguessable link token; the other channels neither.
     */
    public static Subscription create(String government, String agency, SubscriptionKind kind, DeliveryChannel channel,
                                      String url, String filters, boolean active, Supplier<String> newSecret,
                                      Supplier<String> newFeedToken, Instant now) {
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.government = government;
        subscription.agency = agency;
        subscription.kind = kind;
        subscription.channel = channel;
        subscription.secret = channel == DeliveryChannel.WEBHOOK ? newSecret.get() : null;
        subscription.feedToken = channel == DeliveryChannel.ICAL ? newFeedToken.get() : null;
        subscription.createdAt = now;
        subscription.change(url, filters, active);
        return subscription;
    }

    /** Re-enabling a subscription clears why it was disabled, e.g. a 410 from its endpoint. */
    public void change(String url, String filters, boolean active) {
        this.url = url;
        this.filters = filters;
        if (active && !this.active) {
            disabledReason = null;
        }
        this.active = active;
    }

    /** Stops deliveries until its government re-enables it. */
    public void disable(String reason) {
        active = false;
        disabledReason = reason;
    }
}
