package org.outreachexchange.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "outreach.outbox")
public interface OutboxConfig {

    /** Whether this instance relays; the advisory lock lets only one instance relay at a time anyway. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows read and sent per round; sends within a round are pipelined. */
    @WithDefault("200")
    int batchSize();

    /** Safety-net poll for rows committed by other instances; commits in this instance wake the relay at once. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long to wait for the broker to acknowledge a round before retrying it. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Longest pause between attempts while the broker is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long consumers' processed-event ids are kept for de-duplication. */
    @WithDefault("P30D")
    Duration processedRetention();
}
