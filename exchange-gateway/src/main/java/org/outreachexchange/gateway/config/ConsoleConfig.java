package org.outreachexchange.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The partners' console: how long sessions and sign-in links live, and the services it calls for the officer. */
@ConfigMapping(prefix = "outreach.console")
public interface ConsoleConfig {

    /** A session ends after this, or when its agency token expires, whichever comes first (wall clock). */
    @WithDefault("PT12H")
    Duration sessionLifetime();

    /** A one-time sign-in link is refused after this (wall clock). */
    @WithDefault("PT30M")
    Duration signInLinkLifetime();

    /** Each government's own scheduling-service, e.g. {@code outreach.console.scheduling-urls.JP=http://localhost:8101}. */
    Map<String, String> schedulingUrls();

    /** The shared evaluation-service. */
    Optional<String> evaluationUrl();

    /** How long the console waits for a service it calls. */
    @WithDefault("PT10S")
    Duration upstreamTimeout();
}
