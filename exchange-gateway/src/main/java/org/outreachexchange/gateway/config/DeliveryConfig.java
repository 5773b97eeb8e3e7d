package org.outreachexchange.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Webhook delivery: retry schedule, timeouts and which internal hosts may receive webhooks. */
@ConfigMapping(prefix = "outreach.delivery")
public interface DeliveryConfig {

    /** How often the worker looks for due deliveries. */
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

    /** Deliveries attempted per worker round. */
    @WithDefault("50")
    int batchSize();

    /** Webhook calls in flight at once (each to a different subscription or subject). */
    @WithDefault("8")
    int concurrency();

    /** How often an open SSE stream looks for new feed entries. */
    @WithDefault("PT0.5S")
    Duration ssePollInterval();

    /** Hosts that may be loopback or private addresses (tests: localhost, 127.0.0.1); empty in production. */
    Optional<Set<String>> allowedHosts();
}
