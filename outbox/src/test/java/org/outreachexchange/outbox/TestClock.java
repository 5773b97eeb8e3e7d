package org.outreachexchange.outbox;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The test infrastructure brings the identity beans, which need a clock. */
class TestClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
