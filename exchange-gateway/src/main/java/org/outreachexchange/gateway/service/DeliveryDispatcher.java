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

import java.net.InetAddress;
import java.net.UnknownHostException;
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
 * <p>
 * Several replicas may share the database: each leases the due deliveries it starts ({@link DeliveryRepository#lease}),
 * so no two replicas start the same delivery, and a killed replica's deliveries are taken over once their leases run
 * out, under the same webhook-id.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    /**
     * The attempts leased and holding a slot; whether the slots ran out while they were taken; whether a due delivery
     * was passed over because its subscription or government had filled its slots meanwhile and the read was cut at its
     * limit; when the next retry falls due.
     */
    private record Due(List<Attempt> attempts, boolean slotsFull, boolean passedOverInCutRead, Optional<Instant> next) {
    }

    private record Attempt(UUID subscriptionId, String government, boolean active, String disabledReason,
                           WebhookSender.Webhook webhook) {
    }

    private final DeliveryRepository deliveries;
    private final SubscriptionDirectory subscriptions;
    private final FeedEntryRepository entries;
    private final WebhookSender sender;
    private final DeliveryOutcomeRecorder recorder;
    private final DeliveryConfig config;
    private final Clock clock;
    private final DeliverySlots slots;
    private final String replica = replicaName();
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    DeliveryDispatcher(DeliveryRepository deliveries, SubscriptionDirectory subscriptions, FeedEntryRepository entries,
                       WebhookSender sender, DeliveryOutcomeRecorder recorder, DeliveryConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.entries = entries;
        this.sender = sender;
        this.recorder = recorder;
        this.config = config;
        this.clock = clock;
        if (config.effectiveLease().compareTo(config.requestTimeout().multipliedBy(2)) < 0) {
            throw new IllegalStateException("outreach.delivery.lease (" + config.effectiveLease() + ") must be at least twice "
                    + "outreach.delivery.request-timeout (" + config.requestTimeout() + "), or a slow call could be sent twice");
        }
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
        List<UUID> taken = new ArrayList<>();
        Due due;
        try {
            due = QuarkusTransaction.requiringNew().call(() -> lease(now, inFlight, fullSubscriptions, fullGovernments, taken));
        } catch (RuntimeException e) {
            taken.forEach(slots::settle); // not leased after all
            throw e;
        }
        due.attempts().forEach(attempt -> start(attempt, now));
        if (due.slotsFull()) {
            return 0;
        }
        if (due.passedOverInCutRead()) {
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

    /**
     * Locks what is due (rows another replica is locking are skipped), takes a slot for each in order while slots are
     * free, and leases those that got one, in one transaction: what is passed over stays free for the next read, here
     * or at another replica. Records the deliveries it took slots for in {@code taken}, so a failed commit frees them.
     */
    private Due lease(Instant now, Set<UUID> inFlight, Set<UUID> fullSubscriptions, Set<String> fullGovernments, List<UUID> taken) {
        List<Delivery> pending = deliveries.lockDue(now, config.batchSize(), inFlight, fullSubscriptions, fullGovernments);
        boolean cut = pending.size() == config.batchSize();
        if (pending.isEmpty()) {
            return new Due(List.of(), false, false, deliveries.nextDueAfter(now));
        }
        Map<UUID, SubscriptionDirectory.Entry> subs = subscriptions.byIds(pending.stream().map(d -> d.subscriptionId).toList());
        Map<Long, FeedEntry> feed = entries.list("id in ?1", pending.stream().map(d -> d.feedEntryId).toList())
                .stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
        List<Attempt> attempts = new ArrayList<>(pending.size());
        boolean slotsFull = false;
        boolean passedOver = false;
        for (Delivery d : pending) {
            SubscriptionDirectory.Entry s = subs.get(d.subscriptionId);
            FeedEntry e = feed.get(d.feedEntryId);
            if (s == null || e == null) {
                continue;
            }
            if (slots.free() <= 0) {
                slotsFull = true;
                break;
            }
            if (slots.take(d.id, s.id(), s.government())) {
                taken.add(d.id);
                attempts.add(new Attempt(s.id(), s.government(), s.active(), s.disabledReason(),
                        new WebhookSender.Webhook(d.id, s.url(), s.secret(), e.payload)));
            } else {
                passedOver = true;
            }
        }
        deliveries.lease(taken, config.effectiveLease(), replica);
        return new Due(attempts, slotsFull, passedOver && cut, deliveries.nextDueAfter(now));
    }

    /** Names this replica in its leases: the host (a pod's name) and the process. */
    private static String replicaName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String name = host + "/" + ProcessHandle.current().pid();
        return name.length() <= 80 ? name : name.substring(name.length() - 80);
    }
}
