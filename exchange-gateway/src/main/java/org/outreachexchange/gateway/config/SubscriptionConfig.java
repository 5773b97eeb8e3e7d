package org.outreachexchange.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/**
 * Caps that keep one partner (or one leaked token) from holding the shared gateway's resources: how many subscriptions a
 * government keeps, how many event streams stay open, and how much an iCalendar feed may hold.
 */
@ConfigMapping(prefix = "outreach.subscriptions")
public interface SubscriptionConfig {

    /** Subscriptions one government may keep, whichever of its agencies created them; one more is refused (409). */
    @WithDefault("200")
    int maxPerGovernment();

    /** Event streams open at once. */
    Streams streams();

    /** What an iCalendar feed holds. */
    Calendar calendar();

    interface Streams {

        /** Open SSE streams of one subscription; one more is refused (429). */
        @WithDefault("4")
        int maxPerSubscription();

        /** Open SSE streams of one government, over all its subscriptions; one more is refused (429). */
        @WithDefault("50")
        int maxPerGovernment();
    }

    interface Calendar {

        /** Activities that ended longer ago than this (on the gateway's clock) are left out. */
        @WithDefault("P1Y")
        Period past();

        /** Activities that start further ahead than this are left out. */
        @WithDefault("P2Y")
        Period future();

        /** Events in one feed at most, the soonest first. */
        @WithDefault("1000")
        int maxEvents();
    }
}
