package org.outreachexchange.scheduling.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.outreachexchange.identity.quarkus.TrustedGovernments;

import java.util.Locale;

/**
 * Refuses to start a deployment whose settings disagree: a JP service writing to the US topic would pass its
 * activities off as another government's, and broker ACLs are drawn per topic.
 */
@ApplicationScoped
class ActivityTopicCheck {

    static final String TOPIC_PROPERTY = "mp.messaging.outgoing.outbox-events.topic";

    private final SchedulingConfig config;
    private final TrustedGovernments trusted;
    private final String topic;

    ActivityTopicCheck(SchedulingConfig config, TrustedGovernments trusted, @ConfigProperty(name = TOPIC_PROPERTY) String topic) {
        this.config = config;
        this.trusted = trusted;
        this.topic = topic;
    }

    void check(@Observes StartupEvent event) {
        String government = config.government();
        if (!government.matches("[A-Z]{2,3}")) {
            throw new IllegalStateException("outreach.scheduling.government must be an upper-case code like JP, not " + government);
        }
        if (!trusted.isPartner(government)) {
            throw new IllegalStateException("outreach.scheduling.government=" + government
                    + " has no key in outreach.identity.public-keys; its own agencies could not sign in");
        }
        String expected = "outreach.activities." + government.toLowerCase(Locale.ROOT);
        if (!expected.equals(topic)) {
            throw new IllegalStateException(TOPIC_PROPERTY + " is " + topic + " but government " + government
                    + " publishes to " + expected);
        }
    }
}
