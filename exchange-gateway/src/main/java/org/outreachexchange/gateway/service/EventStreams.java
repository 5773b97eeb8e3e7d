package org.outreachexchange.gateway.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.config.DeliveryConfig;
import org.outreachexchange.gateway.config.SubscriptionConfig;
import org.outreachexchange.gateway.domain.FeedEntry;
import org.outreachexchange.gateway.domain.FeedEntryRepository;
import org.outreachexchange.gateway.domain.Subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open Server-Sent Events streams: each follows its subscription's feed table from the entry its client saw last, is
 * counted against the caps per subscription and per government while it is open, and ends when the token that opened
 * it expires (the client reconnects with a fresh token and its Last-Event-ID).
 */
@ApplicationScoped
public class EventStreams {

    private static final int BATCH = 100;
    /** Token expiry is security time: the wall clock, whatever the domain clock replays. */
    private static final Clock WALL_CLOCK = Clock.systemUTC();

    private final FeedEntryRepository entries;
    private final DeliveryConfig delivery;
    private final SubscriptionConfig config;
    private final Map<UUID, Integer> perSubscription = new HashMap<>();
    private final Map<String, Integer> perGovernment = new HashMap<>();

    EventStreams(FeedEntryRepository entries, DeliveryConfig delivery, SubscriptionConfig config) {
        this.entries = entries;
        this.delivery = delivery;
        this.config = config;
    }

    /**
     * The subscription's entries after {@code lastId} (0: from the start), then each new one as its transaction ends,
     * until {@code until}; refused with 429 when the subscription or its government already has as many streams open
     * as allowed.
     */
    public Multi<FeedEntry> follow(Subscription subscription, long lastId, Instant until) {
        // The token filter forgives a little clock skew; the stream does not outlive the token's own expiry.
        Duration left = Duration.between(WALL_CLOCK.instant(), until);
        if (left.isNegative() || left.isZero()) {
            return Multi.createFrom().empty();
        }
        Runnable close = admit(subscription);
        UUID id = subscription.id;
        AtomicLong cursor = new AtomicLong(lastId);
        return Multi.createFrom().ticks().every(delivery.ssePollInterval())
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .concatMap(tick -> Multi.createFrom().iterable(QuarkusTransaction.requiringNew()
                        .call(() -> entries.streamAfter(id, cursor.get(), BATCH))))
                .invoke(entry -> cursor.set(entry.id))
                .select().first(left)
                .onTermination().invoke(close);
    }

    /** Counts a stream in, or refuses it; the returned action counts it out, once. */
    synchronized Runnable admit(Subscription subscription) {
        int ofSubscription = perSubscription.getOrDefault(subscription.id, 0);
        int ofGovernment = perGovernment.getOrDefault(subscription.government, 0);
        if (ofSubscription >= config.streams().maxPerSubscription()) {
            throw ProblemException.of(429, "subscription " + subscription.id + " already has " + ofSubscription
                    + " streams open, the most allowed; close one first");
        }
        if (ofGovernment >= config.streams().maxPerGovernment()) {
            throw ProblemException.of(429, subscription.government + " already has " + ofGovernment
                    + " streams open, the most one government may hold; close one first");
        }
        perSubscription.merge(subscription.id, 1, Integer::sum);
        perGovernment.merge(subscription.government, 1, Integer::sum);
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                release(subscription);
            }
        };
    }

    private synchronized void release(Subscription subscription) {
        perSubscription.computeIfPresent(subscription.id, (k, n) -> n > 1 ? n - 1 : null);
        perGovernment.computeIfPresent(subscription.government, (k, n) -> n > 1 ? n - 1 : null);
    }
}
