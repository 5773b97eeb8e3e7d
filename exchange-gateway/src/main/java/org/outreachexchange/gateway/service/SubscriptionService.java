package org.outreachexchange.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.edge.RequestValidator;
import org.outreachexchange.gateway.domain.Delivery;
import org.outreachexchange.gateway.domain.DeliveryAttempt;
import org.outreachexchange.gateway.domain.DeliveryAttemptRepository;
import org.outreachexchange.gateway.domain.DeliveryChannel;
import org.outreachexchange.gateway.domain.DeliveryRepository;
import org.outreachexchange.gateway.domain.DeliveryStatus;
import org.outreachexchange.gateway.domain.FeedEntry;
import org.outreachexchange.gateway.domain.FeedEntryRepository;
import org.outreachexchange.gateway.domain.Subscription;
import org.outreachexchange.gateway.domain.SubscriptionKind;
import org.outreachexchange.gateway.domain.SubscriptionRepository;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.quarkus.AgencyForbiddenException;
import org.outreachexchange.identity.quarkus.TrustedGovernments;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Subscriptions of partner governments; each government reads and changes only its own. */
@ApplicationScoped
public class SubscriptionService {

    /** A delivery with its attempts: one line of the delivery log. */
    public record DeliveryLog(Delivery delivery, String eventType, List<DeliveryAttempt> attempts) {
    }

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final FeedEntryRepository entries;
    private final WebhookUrlValidator urls;
    private final TrustedGovernments trusted;
    private final RequestValidator requests;
    private final ObjectMapper json;
    private final Clock clock;

    SubscriptionService(SubscriptionRepository subscriptions, DeliveryRepository deliveries, DeliveryAttemptRepository attempts,
                        FeedEntryRepository entries, WebhookUrlValidator urls, TrustedGovernments trusted,
                        RequestValidator requests, ObjectMapper json, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.entries = entries;
        this.urls = urls;
        this.trusted = trusted;
        this.requests = requests;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Subscription create(AgencyIdentity caller, SubscriptionRequest request) {
        validate(request);
        Subscription subscription = Subscription.create(caller.government(), caller.agency(), request.kind(), request.channel(),
                request.url(), write(request.subscriptionFilters()), request.active() == null || request.active(),
                WebhookSigner::newSecret, WebhookSigner::newToken, clock.instant());
        subscriptions.persist(subscription);
        return subscription;
    }

    public List<Subscription> list(String government) {
        return subscriptions.ofGovernment(government);
    }

    public Subscription get(String government, UUID id) {
        Subscription subscription = subscriptions.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("no subscription " + id));
        if (!subscription.government.equals(government)) {
            throw new AgencyForbiddenException("subscription " + id + " belongs to another government");
        }
        return subscription;
    }

    /** Replaces URL, filters and the active flag; kind and channel are fixed at creation. */
    @Transactional
    public Subscription update(String government, UUID id, SubscriptionRequest request) {
        Subscription subscription = get(government, id);
        validate(request);
        if (request.kind() != subscription.kind || request.channel() != subscription.channel) {
            throw ProblemException.invalid(request.kind() != subscription.kind ? "kind" : "channel", "immutable",
                    "cannot change after creation; create a new subscription");
        }
        subscription.change(request.url(), write(request.subscriptionFilters()), request.active() == null || request.active());
        return subscription;
    }

    @Transactional
    public void delete(String government, UUID id) {
        subscriptions.delete(get(government, id));
    }

    public List<DeliveryLog> deliveries(String government, UUID id, DeliveryStatus status) {
        get(government, id);
        List<Delivery> list = deliveries.ofSubscription(id, status);
        Map<Long, FeedEntry> feed = list.isEmpty() ? Map.of()
                : entries.list("id in ?1", list.stream().map(d -> d.feedEntryId).toList()).stream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
        return list.stream().map(d -> new DeliveryLog(d, Optional.ofNullable(feed.get(d.feedEntryId)).map(e -> e.eventType).orElse(null),
                attempts.ofDelivery(d.id))).toList();
    }

    /** Sends a dead letter again, with the same webhook-id, after the subscriber fixed its endpoint. */
    @Transactional
    public Delivery replay(String government, UUID id, UUID deliveryId) {
        Subscription subscription = get(government, id);
        Delivery delivery = deliveries.findByIdOptional(deliveryId).filter(d -> d.subscriptionId.equals(id))
                .orElseThrow(() -> ProblemException.notFound("no delivery " + deliveryId + " for subscription " + id));
        if (delivery.status != DeliveryStatus.DEAD) {
            throw ProblemException.conflict("delivery " + deliveryId + " is " + delivery.status + "; only dead letters are replayed");
        }
        if (!subscription.active) {
            throw ProblemException.conflict("subscription " + id + " is disabled (" + subscription.disabledReason + "); re-enable it first");
        }
        delivery.replay(clock.instant());
        return delivery;
    }

    /** SSE: the next entries of the subscription's stream after the entry {@code lastId} (0: from the start). */
    public List<FeedEntry> entriesAfter(UUID subscriptionId, long lastId, int limit) {
        return entries.streamAfter(subscriptionId, lastId, limit);
    }

    /** A stream resumes after an entry it sent; any other Last-Event-ID is refused. */
    public void requireInStream(UUID subscriptionId, long lastId) {
        if (lastId != 0 && !entries.inStream(subscriptionId, lastId)) {
            throw ProblemException.invalid("Last-Event-ID", "event-id", "must be an event id received from this stream");
        }
    }

    /** The request's annotated rules and these, all refused at once; the webhook URL's own checks come after. */
    private void validate(SubscriptionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request != null) {
            if (request.channel() == DeliveryChannel.WEBHOOK && (request.url() == null || request.url().isBlank())) {
                errors.add(new FieldError("url", "required", "is required for webhook subscriptions"));
            } else if (request.channel() != null && request.channel() != DeliveryChannel.WEBHOOK && request.url() != null) {
                errors.add(new FieldError("url", "webhook-only", "is only allowed for webhook subscriptions"));
            }
            if (request.channel() == DeliveryChannel.ICAL && request.kind() != null && request.kind() != SubscriptionKind.SCHEDULES) {
                errors.add(new FieldError("channel", "ical-schedules-only", "ICAL feeds are only available for SCHEDULES"));
            }
            List<String> governments = request.filters() == null || request.filters().governments() == null ? List.of()
                    : request.filters().governments();
            for (int i = 0; i < governments.size(); i++) {
                if (governments.get(i) != null && !trusted.isPartner(governments.get(i))) {
                    errors.add(new FieldError("filters.governments[" + i + "]", "trusted-partner",
                            governments.get(i) + " is not a partner government"));
                }
            }
        }
        requests.require(request, errors);
        if (request.channel() == DeliveryChannel.WEBHOOK) {
            urls.resolve("url", request.url());
        }
    }

    private String write(SubscriptionFilters filters) {
        try {
            return json.writeValueAsString(filters);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
