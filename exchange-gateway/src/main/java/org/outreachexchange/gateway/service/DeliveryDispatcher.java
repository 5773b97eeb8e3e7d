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
import org.outreachexchange.gateway.domain.DeliverySlots;
import org.outreachexchange.gateway.domain.FeedEntry;
import org.outreachexchange.gateway.domain.FeedEntryRepository;
import org.outreachexchange.gateway.domain.Subscription;
import org.outreachexchange.gateway.domain.SubscriptionRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivers pending webhook deliveries at least once, in order per subscription and subject, with the same webhook-id
 * on every attempt. State lives in the database, so a restart resumes where it stopped.
 * <p>
 * One thread reads what is due and hands it to the {@link WebhookSender} without waiting for the calls, so a slow
 * endpoint holds back only its own deliveries. A delivery holds a slot ({@link DeliverySlots}) from then until the
 * {@link DeliveryOutcomeRecorder} has committed its outcome: at most {@code concurrency} slots in all,
 * {@code per-subscription-concurrency} per subscription and {@code government-share} of them for one government's
 * subscriptions, and a delivery in a slot is never read as due again. The thread sleeps until the next retry falls
 * due, a new delivery is committed or an outcome is recorded.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    /** What is due now, with what each attempt needs; whether the read was cut at its limit; when the next retry falls due. */
    private record Due(List<Attempt> attempts, boolean cut, Optional<Instant> next) {
    }

    private record Attempt(UUID subscriptionId, String government, boolean active, String disabledReason,
                           WebhookSender.Webhook webhook) {
    }

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final FeedEntryRepository entries;
    private final WebhookSender sender;
    private final DeliveryOutcomeRecorder recorder;
    private final DeliveryConfig config;
    private final Clock clock;
    private final DeliverySlots slots;
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
        this.slots = new DeliverySlots(config.concurrency(), config.perSubscriptionConcurrency(),
                DeliverySlots.governmentShare(config.concurrency(), config.governmentShare()));
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
        event.deliveryIds().forEach(slots::settle);
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
        slots.freeSettled();
        if (slots.free() <= 0) {
            return config.pollInterval().toMillis();
        }
        Instant now = clock.instant();
        Set<UUID> inFlight = slots.held();
        Set<UUID> fullSubscriptions = slots.fullSubscriptions();
        Set<String> fullGovernments = slots.fullGovernments();
        Due due = QuarkusTransaction.requiringNew().call(() -> due(now, inFlight, fullSubscriptions, fullGovernments));
        boolean skipped = false;
        for (Attempt attempt : due.attempts()) {
            if (slots.free() <= 0) {
                return 0;
            }
            if (slots.take(attempt.webhook().deliveryId(), attempt.subscriptionId(), attempt.government())) {
                start(attempt, now);
            } else {
                skipped = true;
            }
        }
        if (skipped && due.cut()) {
            // A subscription or government filled its slots during this batch, which was cut at its limit: read again
            // without them at once, or the other partners' deliveries behind the cut would wait for the next wake-up.
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

    private Due due(Instant now, Set<UUID> inFlight, Set<UUID> fullSubscriptions, Set<String> fullGovernments) {
        List<Delivery> pending = deliveries.due(now, config.batchSize(), inFlight, fullSubscriptions, fullGovernments);
        boolean cut = pending.size() == config.batchSize();
        if (pending.isEmpty()) {
            return new Due(List.of(), false, deliveries.nextDueAfter(now));
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
                attempts.add(new Attempt(s.id, s.government, s.active, s.disabledReason,
                        new WebhookSender.Webhook(d.id, s.url, s.secret, e.payload)));
            }
        }
        return new Due(attempts, cut, deliveries.nextDueAfter(now));
    }
}
