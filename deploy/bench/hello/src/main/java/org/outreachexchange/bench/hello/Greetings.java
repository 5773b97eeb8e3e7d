package org.outreachexchange.bench.hello;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** One consumer channel, so the Kafka connector starts as it does in the services. */
@ApplicationScoped
public class Greetings {

    static final String CHANNEL = "greetings";

    @Incoming(CHANNEL)
    @Blocking
    void greeted(String text) {
        // the footprint baseline only needs the channel to exist
    }
}
