package org.outreachexchange.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.Delivery;
import org.outreachexchange.gateway.domain.DeliveryChannel;
import org.outreachexchange.gateway.domain.DeliveryRepository;
import org.outreachexchange.gateway.domain.FeedEntry;
import org.outreachexchange.gateway.domain.FeedEntryRepository;
import org.outreachexchange.gateway.domain.Subscription;
import org.outreachexchange.gateway.domain.SubscriptionKind;
import org.outreachexchange.gateway.domain.SubscriptionRepository;
import org.outreachexchange.gateway.messaging.CountryReevaluated;
import org.outreachexchange.gateway.messaging.ProposalChanged;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Fans an effect out to the matching subscriptions: a feed entry per subscription (the SSE stream) and, for
 * webhooks, a pending delivery. Callers run it inside the transaction of the effect, so nothing is lost between
 * the effect and its deliveries. iCalendar subscriptions need nothing: their feed is computed when it is read.
 */
@ApplicationScoped
public class FeedService {

    /** Distinct filter texts kept parsed: far more than there are subscriptions, a bound against growth all the same. */
    private static final int MAX_PARSED_FILTERS = 10_000;

    private final SubscriptionRepository subscriptions;
    private final FeedEntryRepository entries;
    private final DeliveryRepository deliveries;
    private final ObjectMapper json;
    private final Event<DeliveriesQueued> queued;
    private final SharingPolicy sharing;
    private final TransactionSynchronizationRegistry transaction;
    private final Map<String, SubscriptionFilters> parsedFilters = new ConcurrentHashMap<>();

    FeedService(SubscriptionRepository subscriptions, FeedEntryRepository entries, DeliveryRepository deliveries, ObjectMapper json,
                Event<DeliveriesQueued> queued, SharingPolicy sharing, TransactionSynchronizationRegistry transaction) {
        this.subscriptions = subscriptions;
        this.entries = entries;
        this.deliveries = deliveries;
        this.json = json;
        this.queued = queued;
        this.sharing = sharing;
        this.transaction = transaction;
    }

    /** Another government's schedule changed: only partners it is distributed to, and not while it is withheld. */
    public void activityChanged(Activity activity, String type, String data, Instant now) {
        if (sharing.withheld(activity, now)) {
            return;
        }
        Supplier<String> payload = envelope(type, data, now);
        for (Subscription subscription : active(SubscriptionKind.SCHEDULES)) {
            if (!subscription.government.equals(activity.organizer) && activity.visibleTo(subscription.government)
                    && filters(subscription).matches(activity)) {
                enqueue(subscription, type, activity.id.toString(), payload, now);
            }
        }
    }

    public void reevaluated(CountryReevaluated event, String type, String data, Instant now) {
        Supplier<String> payload = envelope(type, data, now);
        for (Subscription subscription : active(SubscriptionKind.REEVALUATIONS)) {
            if (filters(subscription).matches(event)) {
                enqueue(subscription, type, event.country(), payload, now);
            }
        }
    }

    /** Every partner answers proposals, so each PROPOSALS subscription whose countries match receives them. */
    public void proposalChanged(ProposalChanged event, String type, String data, Instant now) {
        Supplier<String> payload = envelope(type, data, now);
        for (Subscription subscription : active(SubscriptionKind.PROPOSALS)) {
            if (filters(subscription).matches(event)) {
                enqueue(subscription, type, event.proposalId(), payload, now);
            }
        }
    }

    /** A notice goes to the subscriptions of the government it is addressed to (the organizer). */
    public void notice(String addressee, UUID activityId, String type, String data, Instant now) {
        Supplier<String> payload = envelope(type, data, now);
        for (Subscription subscription : active(SubscriptionKind.NOTICES)) {
            if (subscription.government.equals(addressee)) {
                enqueue(subscription, type, activityId.toString(), payload, now);
            }
        }
    }

    /** A subscription's filters, parsed once per distinct filter text (they are immutable, so all callers may share them). */
    public SubscriptionFilters filters(Subscription subscription) {
        SubscriptionFilters known = parsedFilters.get(subscription.filters);
        if (known != null) {
            return known;
        }
        try {
            SubscriptionFilters parsed = json.readValue(subscription.filters, SubscriptionFilters.class);
            if (parsedFilters.size() >= MAX_PARSED_FILTERS) {
                parsedFilters.clear();
            }
            parsedFilters.put(subscription.filters, parsed);
            return parsed;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The active subscriptions of a kind, read once per transaction: a batch of events fans out against one list. Each
     * replica reads it from the database, so a subscription changed through any replica counts from the next batch on.
     */
    @SuppressWarnings("unchecked")
    private List<Subscription> active(SubscriptionKind kind) {
        String key = FeedService.class.getName() + "/" + kind;
        List<Subscription> read = (List<Subscription>) transaction.getResource(key);
        if (read == null) {
            read = List.copyOf(subscriptions.activeOfKind(kind));
            transaction.putResource(key, read);
        }
        return read;
    }

    private void enqueue(Subscription subscription, String type, String subject, Supplier<String> payload, Instant now) {
        if (subscription.channel == DeliveryChannel.ICAL) {
            return;
        }
        FeedEntry entry = FeedEntry.of(subscription.id, type, subject, payload.get(), now);
        entries.persist(entry);
        if (subscription.channel == DeliveryChannel.WEBHOOK) {
            entries.flush(); // the entry's id, which the delivery points at
            deliveries.persist(Delivery.queue(entry.eventId, subscription.id, entry.id, subject, now));
            queued.fire(new DeliveriesQueued());
        }
    }

    /**
     * The Standard Webhooks payload shape, {"type", "timestamp", "data"}, the same for every subscription an event fans
     * out to, so written at most once per event. {@code data} is the event's JSON as the consumer read and checked it,
     * placed as it is rather than parsed and written again.
     */
    private Supplier<String> envelope(String type, String data, Instant now) {
        return new Supplier<>() {
            private String written;

            @Override
            public String get() {
                if (written == null) {
                    try {
                        written = "{\"type\":" + json.writeValueAsString(type) + ",\"timestamp\":\"" + now + "\",\"data\":" + data + "}";
                    } catch (JsonProcessingException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return written;
            }
        };
    }
}
