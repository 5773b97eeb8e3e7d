package org.outreachexchange.gateway.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.config.DeliveryConfig;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one signed webhook call (Standard Webhooks) and reports how it ended; it never throws.
 * <p>
 * The URL is checked and its host resolved once, on a resolver thread of its own (DNS blocks; the dispatcher and the
 * event loop must not). The call then connects to the address that passed the check, and only to it: Vert.x's
 * {@link RequestOptions#setServer} names the socket address to connect to, while the request's host and port still
 * make the Host header and, for https, the TLS server name (SNI, forced) and the certificate's host-name check. So a
 * DNS answer that changes between the check and the connection (DNS rebinding) cannot point a webhook at an internal
 * address. Redirects are not followed, for the same reason.
 */
@ApplicationScoped
public class WebhookSender {

    /** A delivery's attempt: where, signed with which secret, and the exact body. */
    public record Webhook(UUID deliveryId, String url, String secret, String payload) {
    }

    private static final Clock WALL_CLOCK = Clock.systemUTC();

    private final WebhookUrlValidator urls;
    private final DeliveryConfig config;
    private final Clock clock;
    private final HttpClient http;
    private final ThreadPoolExecutor resolver;

    @Inject
    WebhookSender(Vertx vertx, WebhookUrlValidator urls, DeliveryConfig config, Clock clock) {
        this(vertx, urls, config, clock, new HttpClientOptions());
    }

    /** {@code options}: the client's settings before the delivery's own, e.g. a test's trusted CA. */
    WebhookSender(Vertx vertx, WebhookUrlValidator urls, DeliveryConfig config, Clock clock, HttpClientOptions options) {
        this.urls = urls;
        this.config = config;
        this.clock = clock;
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.requestTimeout().toMillis());
        options.setConnectTimeout(timeoutMillis).setForceSni(true).setVerifyHost(true);
        // Every call in flight may need a connection of its own, and any number of them may go to one endpoint.
        this.http = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(config.concurrency()));
        // A look-up holds its delivery's slot, so there are never more at once than slots: one thread each, none waits in
        // the queue, and one government's slow DNS (held to its share of the slots) cannot delay another's look-ups.
        AtomicInteger threads = new AtomicInteger();
        this.resolver = new ThreadPoolExecutor(config.concurrency(), config.concurrency(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "webhook-resolver-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.resolver.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void close() {
        resolver.shutdownNow();
        http.close();
    }

    /** Completes with the outcome once the endpoint answered, the call failed, or the URL was refused. */
    public CompletionStage<DeliveryOutcome> send(Webhook webhook) {
        Instant attemptedAt = clock.instant();
        return CompletableFuture.supplyAsync(() -> urls.resolve("url", webhook.url()), resolver)
                .thenCompose(target -> call(webhook, target, attemptedAt))
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    // Checked again at each attempt: the host's addresses may have changed since the subscription was made.
                    // A refused address is not sent at all; a name that does not resolve may again (a DNS outage), so it is retried.
                    return cause instanceof ProblemException refused && !unresolvable(refused)
                            ? DeliveryOutcome.notSent(webhook.deliveryId(), refused.getMessage(), attemptedAt)
                            : DeliveryOutcome.failed(webhook.deliveryId(), cause, attemptedAt, WALL_CLOCK.instant(), 0);
                });
    }

    private static boolean unresolvable(ProblemException refused) {
        return refused.errors().stream().anyMatch(error -> error.rule().equals(WebhookUrlValidator.UNRESOLVABLE));
    }

    private CompletionStage<DeliveryOutcome> call(Webhook webhook, WebhookTarget target, Instant attemptedAt) {
        // The signed timestamp is transport-level replay protection that receivers check against their real clocks,
        // so it is wall time even when outreach.clock.start replays a scenario.
        long timestamp = WALL_CLOCK.instant().getEpochSecond();
        String id = webhook.deliveryId().toString();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI(target.requestUri())
                .setFollowRedirects(false)
                .setConnectTimeout(config.requestTimeout().toMillis())
                .setIdleTimeout(config.requestTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "outreach-exchange-gateway")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSigner.sign(webhook.secret(), id, timestamp, webhook.payload()));
        long startNanos = System.nanoTime();
        Future<HttpClientResponse> answered = http.request(request)
                .compose(call -> call.send(Buffer.buffer(webhook.payload())))
                // The body is not read; end() completes when it has gone by, also if it already had (an empty 204).
                .compose(response -> response.end().map(response));
        return answered.toCompletionStage().handle((response, failure) -> {
            long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            Instant answeredAt = WALL_CLOCK.instant();
            return failure != null
                    ? DeliveryOutcome.failed(webhook.deliveryId(), failure, attemptedAt, answeredAt, durationMs)
                    : DeliveryOutcome.answered(webhook.deliveryId(), response.statusCode(),
                    Optional.ofNullable(response.getHeader("Retry-After")), attemptedAt, answeredAt, durationMs);
        });
    }
}
