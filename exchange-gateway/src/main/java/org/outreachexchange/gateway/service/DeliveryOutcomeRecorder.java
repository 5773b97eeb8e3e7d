package org.outreachexchange.gateway.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.outreachexchange.gateway.config.DeliveryConfig;
import org.outreachexchange.gateway.domain.Delivery;
import org.outreachexchange.gateway.domain.DeliveryAttemptRepository;
import org.outreachexchange.gateway.domain.DeliveryRepository;
import org.outreachexchange.gateway.domain.RetryPolicy;
import org.outreachexchange.gateway.domain.Subscription;
import org.outreachexchange.gateway.domain.SubscriptionRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes the outcomes of webhook attempts, many to a transaction, on a thread of its own: the delivery's transition
 * (as the {@link RetryPolicy} judges the attempt), its log line, metrics. Once a batch is committed it tells the
 * dispatcher ({@link OutcomesRecorded}), whose slots those deliveries held.
 */
@ApplicationScoped
public class DeliveryOutcomeRecorder {

    /** These deliveries' outcomes are committed (or could not be, and they stay pending). */
    public record OutcomesRecorded(List<UUID> deliveryIds) {
    }

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomeRecorder.class);
    private static final int RECORD_BATCH = 200;

    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final SubscriptionRepository subscriptions;
    private final RetryPolicy retries;
    private final DeliveryConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Event<OutcomesRecorded> recorded;
    private final BlockingQueue<DeliveryOutcome> outcomes = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    DeliveryOutcomeRecorder(DeliveryRepository deliveries, DeliveryAttemptRepository attempts, SubscriptionRepository subscriptions,
                            RetryPolicy retries, DeliveryConfig config, Clock clock, MeterRegistry metrics,
                            Event<OutcomesRecorded> recorded) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.subscriptions = subscriptions;
        this.retries = retries;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.recorded = recorded;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::recordLoop, "webhook-outcomes");
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

    /** Queues an outcome; never blocks, so event-loop callbacks may call it. */
    public void record(DeliveryOutcome outcome) {
        outcomes.add(outcome);
    }

    private void recordLoop() {
        while (running || !outcomes.isEmpty()) {
            List<DeliveryOutcome> batch = new ArrayList<>();
            try {
                DeliveryOutcome first = outcomes.poll(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outcomes.drainTo(batch, RECORD_BATCH - 1);
                recordAll(batch);
            } catch (InterruptedException e) {
                if (!outcomes.isEmpty()) {
                    LOG.infof("shutting down with %d webhook outcomes unrecorded; those deliveries are attempted again after the restart",
                            outcomes.size());
                }
                Thread.currentThread().interrupt();
                return;
            } finally {
                if (!batch.isEmpty()) {
                    recorded.fire(new OutcomesRecorded(batch.stream().map(DeliveryOutcome::deliveryId).toList()));
                }
            }
        }
    }

    /** One transaction for the whole batch; if it fails, one per outcome so a bad one cannot hold back the rest. */
    private void recordAll(List<DeliveryOutcome> batch) {
        try {
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(this::apply));
        } catch (RuntimeException batchFailed) {
            for (DeliveryOutcome outcome : batch) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> apply(outcome));
                } catch (RuntimeException e) {
                    LOG.warnf("cannot record the outcome of delivery %s; it stays pending and is attempted again: %s",
                            outcome.deliveryId(), e.getMessage());
                }
            }
        }
    }

    private void apply(DeliveryOutcome outcome) {
        Delivery delivery = deliveries.findById(outcome.deliveryId());
        if (delivery == null || !delivery.pending()) {
            return; // its subscription was deleted meanwhile, or it was settled otherwise
        }
        delivery.released();
        Instant now = clock.instant();
        if (!outcome.sent()) {
            delivery.abandon(outcome.notSent(), now);
            return;
        }
        Integer status = outcome.status();
        attempts.persist(delivery.attempted(status, outcome.error(), outcome.attemptedAt(), outcome.durationMs()));
        metrics.counter("outreach.gateway.webhook.attempts", "result", status == null ? "error" : status / 100 + "xx").increment();
        RetryPolicy.Verdict verdict = retries.judge(delivery.attempts, status, outcome.retryAfter(), outcome.answeredAt());
        switch (verdict.kind()) {
            case DELIVERED -> {
                delivery.delivered(now);
                metrics.timer("outreach.gateway.webhook.delivery.latency").record(Duration.between(delivery.createdAt, now));
            }
            case RETRY -> delivery.retryAt(now.plus(verdict.delay()));
            case EXHAUSTED -> {
                delivery.exhausted(now);
                metrics.counter("outreach.gateway.webhook.dead.letters").increment();
                LOG.warnf("delivery %s is a dead letter after %d attempts (last: %s)", delivery.id, delivery.attempts,
                        status != null ? "HTTP " + status : outcome.error());
            }
            case GONE -> {
                Subscription subscription = subscriptions.findById(delivery.subscriptionId);
                delivery.gone(subscription, now);
                for (Delivery other : deliveries.pendingOf(subscription.id)) {
                    if (other.pending()) { // the session's copy of this one is dead already
                        other.abandon("subscription disabled after 410 Gone", now);
                    }
                }
                LOG.infof("subscription %s disabled: its endpoint answered 410", subscription.id);
            }
        }
    }
}
