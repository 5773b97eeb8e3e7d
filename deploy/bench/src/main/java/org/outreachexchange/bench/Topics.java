package org.outreachexchange.bench;

import java.util.Locale;

/** The exchange's topics, created before the services start so pattern subscriptions see them at once. */
final class Topics {

    private Topics() {
    }

    static void create(RawKafka kafka) {
        for (String government : Stack.GOVERNMENTS) {
            kafka.createTopic("outreach.activities." + government.toLowerCase(Locale.ROOT), 3);
        }
        kafka.createTopic("outreach.evaluations", 3);
        kafka.createTopic("outreach.notices", 3);
    }
}
