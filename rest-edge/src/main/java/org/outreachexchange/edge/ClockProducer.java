package org.outreachexchange.edge;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every service's domain clock: the wall clock, or with {@code outreach.clock.start} a clock that starts at that instant
 * and ticks from there (how the 2008 scenario is replayed). Security time (tokens, webhook timestamps) never uses it.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "outreach.clock.start") Optional<Instant> start) {
        Clock system = Clock.systemUTC();
        return start.map(s -> Clock.offset(system, Duration.between(system.instant(), s))).orElse(system);
    }
}
