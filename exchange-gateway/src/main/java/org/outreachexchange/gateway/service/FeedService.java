package org.outreachexchange.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.Delivery;
import org.outreachexchange.gateway.domain.DeliveryChannel;
import org.outreachexchange.gateway.domain.DeliveryRepository;
import org.outreachexchange.gateway.domain.FeedEntry;
import org.outreachexchange.gateway.domain.FeedEntryRepository;
import org.outreachexchange.gateway.domain.Subscription;
import org.outreachexchange.gateway.domain.SubscriptionKind;
import org.outreachexchange.gateway.messaging.CountryReevaluated;
import org.outreachexchange.gateway.messaging.ProposalChanged;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/**
 * Fans an effect out to the matching subscriptions, as the {@link SubscriptionDirectory} holds them: a feed entry per
 * subscription (the SSE stream) and, for webhooks, a pending delivery. Callers run it inside the transaction of the
 * effect, so nothing is lost between the effect and its deliveries. iCalendar subscriptions need nothing: their feed
 * is computed when it is read.
 */
@ApplicationScoped
public class FeedService {

    private final SubscriptionDirectory subscriptions;
    private final FeedEntryRepository entries;
    private final DeliveryRepository deliveries;
    private final ObjectMapper json;
    private final Event<DeliveriesQueued> queued;
    private final SharingPolicy sharing;

    FeedService(SubscriptionDirectory subscriptions, FeedEntryRepository entries, DeliveryRepository deliveries, ObjectMapper json,
                Event<DeliveriesQueued> queued, SharingPolicy sharing) {
        this.subscriptions = subscriptions;
        this.entries = entries;
        this.deliveries = deliveries;
        this.json = json;
        this.queued = queued;
        this.sharing = sharing;
    }

    /** Another government's schedule changed: only partners it is distributed to, and not while it is withheld. */
    public void activityChanged(Activity activity, String type, String data, Instant now) {
        if (sharing.withheld(activity, now)) {
            return;
        }
        for (SubscriptionDirectory.Entry subscription : subscriptions.activeOfKind(SubscriptionKind.SCHEDULES)) {
            if (!subscription.government().equals(activity.organizer) && activity.visibleTo(subscription.government())
                    && subscription.filters().matches(activity)) {
                enqueue(subscription, type, activity.id.toString(), data, now);
            }
        }
    }

    public void reevaluated(CountryReevaluated event, String type, String data, Instant now) {
        for (SubscriptionDirectory.Entry subscription : subscriptions.activeOfKind(SubscriptionKind.REEVALUATIONS)) {
            if (subscription.filters().matches(event)) {
                enqueue(subscription, type, event.country(), data, now);
            }
        }
    }

    /** Every partner answers proposals, so each PROPOSALS subscription whose countries match receives them. */
    public void proposalChanged(ProposalChanged event, String type, String data, Instant now) {
        for (SubscriptionDirectory.Entry subscription : subscriptions.activeOfKind(SubscriptionKind.PROPOSALS)) {
            if (subscription.filters().matches(event)) {
                enqueue(subscription, type, event.proposalId(), data, now);
            }
        }
    }

    /** A notice goes to the subscriptions of the government it is addressed to (the organizer). */
    public void notice(String addressee, UUID activityId, String type, String data, Instant now) {
        for (SubscriptionDirectory.Entry subscription : subscriptions.activeOfKind(SubscriptionKind.NOTICES)) {
            if (subscription.government().equals(addressee)) {
                enqueue(subscription, type, activityId.toString(), data, now);
            }
        }
    }

    public SubscriptionFilters filters(Subscription subscription) {
        return SubscriptionFilters.read(json, subscription.filters);
    }

    private void enqueue(SubscriptionDirectory.Entry subscription, String type, String subject, String data, Instant now) {
        if (subscription.channel() == DeliveryChannel.ICAL) {
            return;
        }
        FeedEntry entry = FeedEntry.of(subscription.id(), type, subject, envelope(type, data, now), now);
        entries.persist(entry);
        if (subscription.channel() == DeliveryChannel.WEBHOOK) {
            entries.flush(); // the entry's id, which the delivery points at
            deliveries.persist(Delivery.queue(entry.eventId, subscription.id(), entry.id, subject, now));
            queued.fire(new DeliveriesQueued());
        }
    }

    /** The Standard Webhooks payload shape: {"type", "timestamp", "data"}. */
    private String envelope(String type, String data, Instant now) {
        try {
            ObjectNode envelope = json.createObjectNode();
            envelope.put("type", type);
            envelope.put("timestamp", now.toString());
            envelope.set("data", json.readTree(data));
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
