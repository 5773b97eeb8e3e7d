package org.outreachexchange.gateway.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.config.DeliveryConfig;
import org.outreachexchange.gateway.domain.Delivery;
import org.outreachexchange.gateway.domain.DeliveryAttempt;
import org.outreachexchange.gateway.domain.DeliveryAttemptRepository;
import org.outreachexchange.gateway.domain.DeliveryRepository;
import org.outreachexchange.gateway.domain.DeliveryStatus;
import org.outreachexchange.gateway.domain.FeedEntry;
import org.outreachexchange.gateway.domain.FeedEntryRepository;
import org.outreachexchange.gateway.domain.Subscription;
import org.outreachexchange.gateway.domain.SubscriptionRepository;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivers pending webhook deliveries at least once, in order per subscription and subject, with the same
 * webhook-id on every attempt. State lives in the database, so a restart resumes where it stopped.
 * <p>
 * A dispatcher thread reads what is due and starts the HTTP calls without waiting for them, so a slow endpoint holds
 * only its own deliveries back; a recorder thread writes the outcomes, many to a transaction. The dispatcher sleeps
 * until the next retry falls due, a new delivery is committed or an outcome is recorded.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final Clock WALL_CLOCK = Clock.systemUTC();
    private static final int RECORD_BATCH = 200;

    /** What one attempt needs. */
    record Prepared(UUID id, UUID subscriptionId, String url, String secret, boolean active, String disabledReason, String payload) {
    }

    /** How an attempt ended: an HTTP status, a transport error, or a reason not to send at all. */
    private record Outcome(UUID id, Integer status, String error, Optional<Duration> retryAfter, Instant at, long durationMs,
                           String giveUp) {
    }

    /** A delivery whose call has started; settled once its outcome is committed. */
    private record InFlight(UUID subscriptionId, boolean settled) {
    }

    private record Due(List<Prepared> deliveries, Optional<Instant> next) {
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
    private final Map<UUID, InFlight> inFlight = new ConcurrentHashMap<>();
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread dispatcher;
    private Thread recorder;

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
        // Redirects are not followed: a redirect could point the gateway at an internal address.
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        dispatcher = daemon("webhook-deliveries", this::dispatchLoop);
        recorder = daemon("webhook-outcomes", this::recordLoop);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        for (Thread thread : new Thread[]{dispatcher, recorder}) {
            if (thread != null) {
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
    }

    /** New deliveries are sent as soon as their transaction commits. */
    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued event) {
        wake();
    }

    private void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
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
                    Thread.sleep(config.pollInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Starts the calls that are due and have a free slot; returns how long to sleep before looking again. */
    long dispatch() {
        // Only deliveries settled before this read began may be read as due again, so none is sent twice at once.
        inFlight.values().removeIf(InFlight::settled);
        int free = config.concurrency() - inFlight.size();
        if (free <= 0) {
            return config.pollInterval().toMillis();
        }
        Instant now = clock.instant();
        Due due = QuarkusTransaction.requiringNew().call(() -> due(now));
        Map<UUID, Integer> perSubscription = new HashMap<>();
        inFlight.values().forEach(f -> perSubscription.merge(f.subscriptionId(), 1, Integer::sum));
        int started = 0;
        for (Prepared delivery : due.deliveries()) {
            if (started == free) {
                break;
            }
            if (inFlight.containsKey(delivery.id())
                    || perSubscription.getOrDefault(delivery.subscriptionId(), 0) >= config.perSubscriptionConcurrency()) {
                continue;
            }
            perSubscription.merge(delivery.subscriptionId(), 1, Integer::sum);
            inFlight.put(delivery.id(), new InFlight(delivery.subscriptionId(), false));
            send(delivery);
            started++;
        }
        if (started == free) {
            return 0;
        }
        long untilNext = due.next().map(next -> Math.max(1, Duration.between(now, next).toMillis())).orElse(Long.MAX_VALUE);
        return Math.min(untilNext, config.pollInterval().toMillis());
    }

    private Due due(Instant now) {
        List<Delivery> pending = deliveries.due(now, config.batchSize() + inFlight.size()).stream()
                .filter(d -> !inFlight.containsKey(d.id)).toList();
        if (pending.isEmpty()) {
            return new Due(List.of(), deliveries.nextDueAfter(now));
        }
        Map<UUID, Subscription> subs = subscriptions.list("id in ?1", pending.stream().map(d -> d.subscriptionId).distinct().toList())
                .stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        Map<Long, FeedEntry> feed = entries.list("id in ?1", pending.stream().map(d -> d.feedEntryId).toList())
                .stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
        List<Prepared> prepared = new ArrayList<>(pending.size());
        for (Delivery d : pending) {
            Subscription s = subs.get(d.subscriptionId);
            FeedEntry e = feed.get(d.feedEntryId);
            if (s != null && e != null) {
                prepared.add(new Prepared(d.id, s.id, s.url, s.secret, s.active, s.disabledReason, e.payload));
            }
        }
        return new Due(prepared, deliveries.nextDueAfter(now));
    }

    private void send(Prepared p) {
        Instant started = clock.instant();
        if (!p.active()) {
            outcomes.add(new Outcome(p.id(), null, null, Optional.empty(), started, 0, "subscription disabled: " + p.disabledReason()));
            return;
        }
        URI uri;
        try {
            // Checked again at send time: the host's addresses may have changed since the subscription was made.
            uri = urls.validate("url", p.url());
        } catch (ProblemException e) {
            outcomes.add(new Outcome(p.id(), null, null, Optional.empty(), started, 0, e.getMessage()));
            return;
        }
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
        long startNanos = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                outcomes.add(new Outcome(p.id(), null, cause.getClass().getSimpleName() + ": " + cause.getMessage(), Optional.empty(),
                        started, durationMs, null));
            } else {
                outcomes.add(new Outcome(p.id(), response.statusCode(), null,
                        response.headers().firstValue("Retry-After").flatMap(this::retryAfter), started, durationMs, null));
            }
        });
    }

    private void recordLoop() {
        while (running || !outcomes.isEmpty()) {
            List<Outcome> batch = new ArrayList<>();
            try {
                Outcome first = outcomes.poll(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
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
                batch.forEach(o -> inFlight.computeIfPresent(o.id(), (id, f) -> new InFlight(f.subscriptionId(), true)));
                if (!batch.isEmpty()) {
                    wake();
                }
            }
        }
    }

    /** One transaction for the whole batch; if it fails, one per outcome so a bad one cannot hold back the rest. */
    private void recordAll(List<Outcome> batch) {
        try {
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(this::record));
        } catch (RuntimeException batchFailed) {
            for (Outcome outcome : batch) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> record(outcome));
                } catch (RuntimeException e) {
                    LOG.warnf("cannot record the outcome of delivery %s; it stays pending and is attempted again: %s", outcome.id(),
                            e.getMessage());
                }
            }
        }
    }

    private void record(Outcome outcome) {
        Delivery delivery = deliveries.findById(outcome.id());
        if (delivery == null || delivery.status != DeliveryStatus.PENDING) {
            return; // its subscription was deleted meanwhile, or it was settled otherwise
        }
        Instant now = clock.instant();
        if (outcome.giveUp() != null) {
            delivery.status = DeliveryStatus.DEAD;
            delivery.lastError = outcome.giveUp();
            delivery.finishedAt = now;
            return;
        }
        Integer status = outcome.status();
        delivery.attempts++;
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = delivery.id;
        attempt.attempt = delivery.attempts;
        attempt.attemptedAt = outcome.at();
        attempt.statusCode = status;
        attempt.error = outcome.error();
        attempt.durationMs = outcome.durationMs();
        attempts.persist(attempt);
        delivery.lastStatusCode = status;
        delivery.lastError = outcome.error();
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
            LOG.warnf("delivery %s is a dead letter after %d attempts (last: %s)", delivery.id, delivery.attempts,
                    status != null ? "HTTP " + status : outcome.error());
        } else {
            delivery.nextAttemptAt = now.plus(outcome.retryAfter().map(this::capped).orElseGet(() -> backoff(delivery.attempts)));
        }
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
