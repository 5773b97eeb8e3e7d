package org.outreachexchange.bench;

import java.util.Locale;

/**
 * The exchange's topics and the hello-world app's, created before anything starts, so no consumer waits for a topic
 * to appear and the footprint comparison starts every app on equal terms.
 */
final class Topics {

    static final String HELLO = "bench.greetings";

    private Topics() {
    }

    static void create(RawKafka kafka) {
        for (String government : Stack.GOVERNMENTS) {
            kafka.createTopic("outreach.activities." + government.toLowerCase(Locale.ROOT), 3);
        }
        kafka.createTopic("outreach.evaluations", 3);
        kafka.createTopic("outreach.notices", 3);
        kafka.createTopic(HELLO, 3);
    }
}
