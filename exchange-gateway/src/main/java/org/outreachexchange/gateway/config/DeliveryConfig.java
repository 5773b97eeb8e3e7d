package org.outreachexchange.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Webhook delivery: retry schedule, timeouts, slots and which internal hosts may receive webhooks. */
@ConfigMapping(prefix = "outreach.delivery")
public interface DeliveryConfig {

    /** The longest the dispatcher sleeps between looks; it wakes earlier when a delivery is queued, a retry falls due or outcomes are recorded. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** Attempts before a delivery becomes a dead letter. */
    @WithDefault("8")
    int maxAttempts();

    /** Delay after the first failure; doubles with every further failure. */
    @WithDefault("PT10S")
    Duration initialBackoff();

    /** Upper bound of the backoff and of an honoured Retry-After. */
    @WithDefault("PT1H")
    Duration maxBackoff();

    /** Random spread of each backoff, as a fraction (0.2 = plus or minus 20 %). */
    @WithDefault("0.2")
    double jitter();

    /** Connect and response timeout of one webhook call. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /**
     * How long a replica holds a delivery it started before another replica may take it over (a killed replica's
     * deliveries wait this long, then go out again under the same webhook-id). Longer than {@code request-timeout}
     * plus the time to record an outcome, or a slow call would be sent twice: at least twice {@code request-timeout}
     * (the gateway refuses to start otherwise); three times {@code request-timeout} when not set.
     */
    Optional<Duration> lease();

    /** The lease in force: {@link #lease()}, or three times the request timeout. */
    default Duration effectiveLease() {
        return lease().orElse(requestTimeout().multipliedBy(3));
    }

    /** Due deliveries read at once. */
    @WithDefault("100")
    int batchSize();

    /** Webhook calls in flight at once, over all subscriptions (at most one per subscription and subject). */
    @WithDefault("64")
    int concurrency();

    /** Webhook calls in flight at once to one subscription, so a slow endpoint cannot take every slot. */
    @WithDefault("8")
    int perSubscriptionConcurrency();

    /**
     * The largest fraction of {@code concurrency} that the subscriptions of one government may hold at once (rounded
     * down, at least one slot), so that one partner's slow endpoints leave the other partners slots of their own.
     */
    @WithDefault("0.5")
    double governmentShare();

    /** How often an open SSE stream looks for new feed entries. */
    @WithDefault("PT0.5S")
    Duration ssePollInterval();

    /** Hosts that may be loopback or private addresses (tests: localhost, 127.0.0.1); empty in production. */
    Optional<Set<String>> allowedHosts();
}
