package org.outreachexchange.gateway.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;
import org.outreachexchange.gateway.config.DeliveryConfig;
import org.outreachexchange.gateway.domain.Delivery;
import org.outreachexchange.gateway.domain.DeliveryRepository;
import org.outreachexchange.gateway.domain.FeedEntry;
import org.outreachexchange.gateway.domain.FeedEntryRepository;
import org.outreachexchange.gateway.domain.Subscription;
import org.outreachexchange.gateway.domain.SubscriptionRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivers pending webhook deliveries at least once, in order per subscription and subject, with the same webhook-id
 * on every attempt. State lives in the database, so a restart resumes where it stopped.
 * <p>
 * One thread reads what is due and hands it to the {@link WebhookSender} without waiting for the calls, so a slow
 * endpoint holds back only its own deliveries. A delivery holds a slot from then until the {@link DeliveryOutcomeRecorder}
 * has committed its outcome: at most {@code concurrency} slots in all and {@code per-subscription-concurrency} per
 * subscription, and a delivery in a slot is never read as due again. The thread sleeps until the next retry falls due,
 * a new delivery is committed or an outcome is recorded.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    /** A delivery's slot; settled once its outcome is committed, freed at the next look so it is not read twice. */
    private record Slot(UUID subscriptionId, boolean settled) {
    }

    /** What is due now, with what each attempt needs, and when the next retry after these falls due. */
    private record Due(List<Attempt> attempts, Optional<Instant> next) {
    }

    private record Attempt(UUID subscriptionId, boolean active, String disabledReason, WebhookSender.Webhook webhook) {
    }

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final FeedEntryRepository entries;
    private final WebhookSender sender;
    private final DeliveryOutcomeRecorder recorder;
    private final DeliveryConfig config;
    private final Clock clock;
    private final Map<UUID, Slot> slots = new ConcurrentHashMap<>();
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    DeliveryDispatcher(DeliveryRepository deliveries, SubscriptionRepository subscriptions, FeedEntryRepository entries,
                       WebhookSender sender, DeliveryOutcomeRecorder recorder, DeliveryConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.entries = entries;
        this.sender = sender;
        this.recorder = recorder;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::dispatchLoop, "webhook-deliveries");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** New deliveries are sent as soon as their transaction commits. */
    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued event) {
        wake();
    }

    /** Their slots are free at the next look, and what they held back (later deliveries of the subject) may be due. */
    void recorded(@Observes DeliveryOutcomeRecorder.OutcomesRecorded event) {
        event.deliveryIds().forEach(id -> slots.computeIfPresent(id, (key, slot) -> new Slot(slot.subscriptionId(), true)));
        wake();
    }

    private void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    private void dispatchLoop() {
        while (running) {
            try {
                long waitMillis = dispatch();
                if (waitMillis > 0 && signal.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("webhook dispatch failed, retrying after the poll interval: %s", e.getMessage());
                try {
                    signal.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Starts the attempts that are due and have a free slot; returns how long to sleep before looking again. */
    private long dispatch() {
        // Only deliveries settled before this read began may be read as due again, so none is sent twice at once.
        slots.values().removeIf(Slot::settled);
        int free = config.concurrency() - slots.size();
        if (free <= 0) {
            return config.pollInterval().toMillis();
        }
        Instant now = clock.instant();
        Due due = QuarkusTransaction.requiringNew().call(() -> due(now));
        Map<UUID, Integer> perSubscription = new HashMap<>();
        slots.values().forEach(slot -> perSubscription.merge(slot.subscriptionId(), 1, Integer::sum));
        int started = 0;
        for (Attempt attempt : due.attempts()) {
            if (started == free) {
                break;
            }
            UUID id = attempt.webhook().deliveryId();
            if (slots.containsKey(id) || perSubscription.getOrDefault(attempt.subscriptionId(), 0) >= config.perSubscriptionConcurrency()) {
                continue;
            }
            perSubscription.merge(attempt.subscriptionId(), 1, Integer::sum);
            slots.put(id, new Slot(attempt.subscriptionId(), false));
            start(attempt, now);
            started++;
        }
        if (started == free) {
            return 0;
        }
        long untilNext = due.next().map(next -> Math.max(1, Duration.between(now, next).toMillis())).orElse(Long.MAX_VALUE);
        return Math.min(untilNext, config.pollInterval().toMillis());
    }

    private void start(Attempt attempt, Instant now) {
        if (!attempt.active()) {
            recorder.record(DeliveryOutcome.notSent(attempt.webhook().deliveryId(),
                    "subscription disabled: " + attempt.disabledReason(), now));
            return;
        }
        sender.send(attempt.webhook()).thenAccept(recorder::record);
    }

    private Due due(Instant now) {
        List<Delivery> pending = deliveries.due(now, config.batchSize() + slots.size()).stream()
                .filter(d -> !slots.containsKey(d.id)).toList();
        if (pending.isEmpty()) {
            return new Due(List.of(), deliveries.nextDueAfter(now));
        }
        Map<UUID, Subscription> subs = subscriptions.list("id in ?1", pending.stream().map(d -> d.subscriptionId).distinct().toList())
                .stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        Map<Long, FeedEntry> feed = entries.list("id in ?1", pending.stream().map(d -> d.feedEntryId).toList())
                .stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
        List<Attempt> attempts = new ArrayList<>(pending.size());
        for (Delivery d : pending) {
            Subscription s = subs.get(d.subscriptionId);
            FeedEntry e = feed.get(d.feedEntryId);
            if (s != null && e != null) {
                attempts.add(new Attempt(s.id, s.active, s.disabledReason, new WebhookSender.Webhook(d.id, s.url, s.secret, e.payload)));
            }
        }
        return new Due(attempts, deliveries.nextDueAfter(now));
    }
}
