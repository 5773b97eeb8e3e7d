package org.outreachexchange.gateway.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;
import org.outreachexchange.gateway.config.DeliveryConfig;
import org.outreachexchange.gateway.domain.Delivery;
import org.outreachexchange.gateway.domain.DeliveryAttempt;
import org.outreachexchange.gateway.domain.DeliveryAttemptRepository;
import org.outreachexchange.gateway.domain.DeliveryRepository;
import org.outreachexchange.gateway.domain.DeliveryStatus;
import org.outreachexchange.gateway.domain.FeedEntryRepository;
import org.outreachexchange.gateway.domain.Subscription;
import org.outreachexchange.gateway.domain.SubscriptionRepository;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Delivers pending webhook deliveries at least once, in order per subscription and subject, with the same
 * webhook-id on every attempt. State lives in the database, so a restart resumes where it stopped. The HTTP call
 * runs outside any transaction; its outcome is recorded in a transaction of its own.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final Clock WALL_CLOCK = Clock.systemUTC();

    /** What one attempt needs, read in a short transaction. */
    record Prepared(UUID id, String url, String secret, boolean active, String disabledReason, String payload) {
    }

    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final SubscriptionRepository subscriptions;
    private final FeedEntryRepository entries;
    private final WebhookUrlValidator urls;
    private final DeliveryConfig config;
    private final Clock clock;
    private final HttpClient http;
    private final MeterRegistry metrics;
    private final ExecutorService senders;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread loop;

    DeliveryWorker(DeliveryRepository deliveries, DeliveryAttemptRepository attempts, SubscriptionRepository subscriptions,
                   FeedEntryRepository entries, WebhookUrlValidator urls, DeliveryConfig config, Clock clock,
                   MeterRegistry metrics) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.subscriptions = subscriptions;
        this.entries = entries;
        this.urls = urls;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.senders = Executors.newFixedThreadPool(config.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        // Redirects are not followed: a redirect could point the gateway at an internal address.
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        loop = new Thread(this::loop, "webhook-deliveries");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (loop != null) {
            loop.interrupt();
            loop.join(TimeUnit.SECONDS.toMillis(10));
        }
        senders.shutdownNow();
    }

    /** New deliveries are sent as soon as their transaction commits; the poll interval only paces retries. */
    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued event) {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (round() == 0 && signal.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("webhook delivery round failed, retrying after the poll interval: %s", e.getMessage());
                try {
                    Thread.sleep(config.pollInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One round: every due delivery, at most one per subscription and subject, so sending in parallel keeps the order. */
    int round() throws InterruptedException {
        List<UUID> due = QuarkusTransaction.requiringNew()
                .call(() -> deliveries.due(clock.instant(), config.batchSize()).stream().map(d -> d.id).toList());
        List<Callable<Void>> calls = due.stream().<Callable<Void>>map(id -> () -> {
            attempt(id);
            return null;
        }).toList();
        senders.invokeAll(calls);
        return due.size();
    }

    void attempt(UUID deliveryId) {
        Optional<Prepared> prepared = QuarkusTransaction.requiringNew().call(() -> prepare(deliveryId));
        if (prepared.isEmpty()) {
            return;
        }
        Prepared p = prepared.get();
        if (!p.active()) {
            QuarkusTransaction.requiringNew().run(() -> giveUp(p.id(), "subscription disabled: " + p.disabledReason()));
            return;
        }
        URI uri;
        try {
            // Checked again at send time: the host's addresses may have changed since the subscription was made.
            uri = urls.validate("url", p.url());
        } catch (ProblemException e) {
            QuarkusTransaction.requiringNew().run(() -> giveUp(p.id(), e.getMessage()));
            return;
        }
        Instant started = clock.instant();
        // The signed timestamp is transport-level replay protection that receivers check against their real clocks,
        // so it is wall time even when outreach.clock.start replays a scenario.
        long timestamp = WALL_CLOCK.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "outreach-exchange-gateway")
                .header("webhook-id", p.id().toString())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(p.secret(), p.id().toString(), timestamp, p.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(p.payload()))
                .build();
        Integer status = null;
        String error = null;
        Optional<Duration> retryAfter = Optional.empty();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            retryAfter = response.headers().firstValue("Retry-After").flatMap(this::retryAfter);
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // shutting down; the delivery stays pending and is attempted after the restart
        }
        long durationMs = Duration.between(started, clock.instant()).toMillis();
        Integer finalStatus = status;
        String finalError = error;
        Optional<Duration> finalRetryAfter = retryAfter;
        QuarkusTransaction.requiringNew().run(() -> record(p.id(), finalStatus, finalError, finalRetryAfter, started, durationMs));
    }

    private Optional<Prepared> prepare(UUID deliveryId) {
        return deliveries.findByIdOptional(deliveryId).filter(d -> d.status == DeliveryStatus.PENDING).flatMap(d ->
                subscriptions.findByIdOptional(d.subscriptionId).flatMap(s -> entries.findByIdOptional(d.feedEntryId)
                        .map(e -> new Prepared(d.id, s.url, s.secret, s.active, s.disabledReason, e.payload))));
    }

    private void record(UUID deliveryId, Integer status, String error, Optional<Duration> retryAfter, Instant at, long durationMs) {
        Delivery delivery = deliveries.findById(deliveryId);
        if (delivery == null) {
            return; // its subscription was deleted meanwhile
        }
        delivery.attempts++;
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = deliveryId;
        attempt.attempt = delivery.attempts;
        attempt.attemptedAt = at;
        attempt.statusCode = status;
        attempt.error = error;
        attempt.durationMs = durationMs;
        attempts.persist(attempt);
        delivery.lastStatusCode = status;
        delivery.lastError = error;
        Instant now = clock.instant();
        metrics.counter("outreach.gateway.webhook.attempts", "result", status == null ? "error" : Integer.toString(status / 100) + "xx")
                .increment();
        if (status != null && status >= 200 && status < 300) {
            delivery.status = DeliveryStatus.DELIVERED;
            delivery.finishedAt = now;
            metrics.timer("outreach.gateway.webhook.delivery.latency").record(Duration.between(delivery.createdAt, now));
        } else if (status != null && status == 410) {
            // Standard Webhooks: 410 Gone means the endpoint is gone for good; stop sending to it.
            Subscription subscription = subscriptions.findById(delivery.subscriptionId);
            subscription.active = false;
            subscription.disabledReason = "endpoint answered 410 Gone at " + now;
            delivery.status = DeliveryStatus.DEAD;
            delivery.lastError = "410 Gone: subscription disabled";
            delivery.finishedAt = now;
            deliveries.abandonPending(subscription.id, "subscription disabled after 410 Gone", now);
            LOG.infof("subscription %s disabled: its endpoint answered 410", subscription.id);
        } else if (delivery.attempts >= config.maxAttempts()) {
            delivery.status = DeliveryStatus.DEAD;
            delivery.finishedAt = now;
            metrics.counter("outreach.gateway.webhook.dead.letters").increment();
            LOG.warnf("delivery %s is a dead letter after %d attempts (last: %s)", deliveryId, delivery.attempts,
                    status != null ? "HTTP " + status : error);
        } else {
            delivery.nextAttemptAt = now.plus(retryAfter.map(this::capped).orElseGet(() -> backoff(delivery.attempts)));
        }
    }

    private void giveUp(UUID deliveryId, String reason) {
        Delivery delivery = deliveries.findById(deliveryId);
        delivery.status = DeliveryStatus.DEAD;
        delivery.lastError = reason;
        delivery.finishedAt = clock.instant();
    }

    /** Exponential backoff with jitter, so many failing endpoints do not retry in lockstep. */
    Duration backoff(int failures) {
        long base = config.initialBackoff().toMillis() << Math.min(failures - 1, 20);
        long capped = Math.min(base, config.maxBackoff().toMillis());
        double spread = 1 + config.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(capped * spread)));
    }

    private Duration capped(Duration duration) {
        return duration.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : duration;
    }

    /** Retry-After as delay-seconds or an HTTP date (RFC 9110). */
    private Optional<Duration> retryAfter(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration delay = Duration.between(clock.instant(), at);
                return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
