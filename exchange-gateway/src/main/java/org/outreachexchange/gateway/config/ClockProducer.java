package org.outreachexchange.gateway.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The service's only source of "now"; {@code outreach.clock.start} replays a scenario from a past instant. */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "outreach.clock.start") Optional<Instant> start) {
        Clock system = Clock.systemUTC();
        return start.map(s -> Clock.offset(system, Duration.between(system.instant(), s))).orElse(system);
    }
}
