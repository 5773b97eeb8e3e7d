package org.outreachexchange.outbox.trust;

import java.util.Locale;
import java.util.Optional;

/** The naming that binds a government to its activity events: its own topic and its own CloudEvent source. */
public final class ActivityTopics {

    public static final String TOPIC_PREFIX = "outreach.activities.";
    public static final String SOURCE_PREFIX = "/outreach/scheduling/";

    private ActivityTopics() {
    }

    public static String topic(String government) {
        return TOPIC_PREFIX + government.toLowerCase(Locale.ROOT);
    }

    public static String source(String government) {
        return SOURCE_PREFIX + government;
    }

    /** The government whose topic this is, if it is an activity topic with a well-formed government code. */
    public static Optional<String> government(String topic) {
        if (topic == null || !topic.startsWith(TOPIC_PREFIX)) {
            return Optional.empty();
        }
        String code = topic.substring(TOPIC_PREFIX.length());
        return code.matches("[a-z]{2,3}") ? Optional.of(code.toUpperCase(Locale.ROOT)) : Optional.empty();
    }
}
