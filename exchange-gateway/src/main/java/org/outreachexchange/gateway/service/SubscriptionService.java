package org.outreachexchange.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.edge.RequestValidator;
import org.outreachexchange.gateway.config.SubscriptionConfig;
import org.outreachexchange.gateway.domain.Delivery;
import org.outreachexchange.gateway.domain.DeliveryAttempt;
import org.outreachexchange.gateway.domain.DeliveryAttemptRepository;
import org.outreachexchange.gateway.domain.DeliveryChannel;
import org.outreachexchange.gateway.domain.DeliveryRepository;
import org.outreachexchange.gateway.domain.DeliveryStatus;
import org.outreachexchange.gateway.domain.FeedEntryRepository;
import org.outreachexchange.gateway.domain.Keyset;
import org.outreachexchange.gateway.domain.Subscription;
import org.outreachexchange.gateway.domain.SubscriptionRepository;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.Role;
import org.outreachexchange.identity.quarkus.TrustedGovernments;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Partners' subscriptions. Each belongs to the agency that created it: that agency and its government's coordinator
 * read and change it, and to everyone else it does not exist.
 */
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
    private final SubscriptionConfig config;
    private final Clock clock;

    SubscriptionService(SubscriptionRepository subscriptions, DeliveryRepository deliveries, DeliveryAttemptRepository attempts,
                        FeedEntryRepository entries, WebhookUrlValidator urls, TrustedGovernments trusted,
                        RequestValidator requests, ObjectMapper json, SubscriptionConfig config, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.entries = entries;
        this.urls = urls;
        this.trusted = trusted;
        this.requests = requests;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /** Any agency subscribes for its own government, up to the government's cap (409 beyond it). */
    @Transactional
    public Subscription create(AgencyIdentity caller, SubscriptionRequest request) {
        validate(request);
        subscriptions.lockGovernment(caller.government());
        int cap = config.maxPerGovernment();
        if (subscriptions.countOfGovernment(caller.government()) >= cap) {
            throw ProblemException.conflict(caller.government() + " already keeps " + cap
                    + " subscriptions, the most one government may keep; delete one first");
        }
        Subscription subscription = Subscription.create(caller.government(), caller.agency(), request.kind(), request.channel(),
                request.url(), write(request.subscriptionFilters()), request.active() == null || request.active(),
                WebhookSigner::newSecret, WebhookSigner::newToken, clock.instant());
        subscriptions.persist(subscription);
        return subscription;
    }

    /** Up to {@code limit} of the subscriptions the caller owns (a coordinator: all its government's), after {@code position}. */
    public List<Subscription> list(AgencyIdentity caller, Optional<Keyset.ByTime> position, int limit) {
        Optional<String> agency = caller.has(Role.COORDINATOR) ? Optional.empty() : Optional.of(caller.agency());
        return subscriptions.page(caller.government(), agency, position, limit);
    }

    /**
     * The subscription, if the caller owns it: the agency that created it, or a coordinator of its government. Anyone
     * else gets the same 404 as for an id that does not exist, so a subscription's existence is never revealed.
     */
    public Subscription owned(AgencyIdentity caller, UUID id) {
        return subscriptions.findByIdOptional(id).filter(s -> owns(caller, s))
                .orElseThrow(() -> ProblemException.notFound("no subscription " + id));
    }

    static boolean owns(AgencyIdentity caller, Subscription subscription) {
        return subscription.government.equals(caller.government())
                && (subscription.agency.equals(caller.agency()) || caller.has(Role.COORDINATOR));
    }

    /** Replaces URL, filters and the active flag; kind and channel are fixed at creation. */
    @Transactional
    public Subscription update(AgencyIdentity caller, UUID id, SubscriptionRequest request) {
        Subscription subscription = owned(caller, id);
        validate(request);
        if (request.kind() != subscription.kind || request.channel() != subscription.channel) {
            throw ProblemException.invalid(request.kind() != subscription.kind ? "kind" : "channel", "immutable",
                    "cannot change after creation; create a new subscription");
        }
        subscription.change(request.url(), write(request.subscriptionFilters()), request.active() == null || request.active());
        return subscription;
    }

    @Transactional
    public void delete(AgencyIdentity caller, UUID id) {
        subscriptions.delete(owned(caller, id));
    }

    /**
     * Up to {@code limit} lines of the delivery log (only {@code status}, if given), newest first, before the
     * delivery of feed entry {@code beforeEntry}; the attempts of the whole page are read at once.
     */
    public List<DeliveryLog> deliveries(AgencyIdentity caller, UUID id, Optional<DeliveryStatus> status, Optional<Long> beforeEntry,
                                        int limit) {
        owned(caller, id);
        List<DeliveryRepository.Logged> page = deliveries.page(id, status, beforeEntry, limit);
        Map<UUID, List<DeliveryAttempt>> tried = attempts.ofDeliveries(page.stream().map(l -> l.delivery().id).toList()).stream()
                .collect(Collectors.groupingBy(a -> a.deliveryId));
        return page.stream().map(l -> new DeliveryLog(l.delivery(), l.eventType(),
                tried.getOrDefault(l.delivery().id, List.of()))).toList();
    }

    /** Sends a dead letter again, with the same webhook-id, after the subscriber fixed its endpoint. */
    @Transactional
    public Delivery replay(AgencyIdentity caller, UUID id, UUID deliveryId) {
        Subscription subscription = owned(caller, id);
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

    /** What any agency may subscribe to, with the partners of the current partners document. */
    public SubscriptionOptions options() {
        return SubscriptionOptions.describe(trusted.governments(), config.maxPerGovernment());
    }

    /** The caller's SSE subscription whose stream it opens; 409 for a subscription of another channel. */
    public Subscription streamed(AgencyIdentity caller, UUID id) {
        Subscription subscription = owned(caller, id);
        if (subscription.channel != DeliveryChannel.SSE) {
            throw ProblemException.conflict("subscription " + id + " delivers by " + subscription.channel + ", not SSE");
        }
        return subscription;
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
            if (request.channel() != null && request.channel().needsUrl() && (request.url() == null || request.url().isBlank())) {
                errors.add(new FieldError("url", "required", "is required for webhook subscriptions"));
            } else if (request.channel() != null && !request.channel().needsUrl() && request.url() != null) {
                errors.add(new FieldError("url", "webhook-only", "is only allowed for webhook subscriptions"));
            }
            if (request.channel() != null && request.kind() != null && !request.channel().carries(request.kind())) {
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
