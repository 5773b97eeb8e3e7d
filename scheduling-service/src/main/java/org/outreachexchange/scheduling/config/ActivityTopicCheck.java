package org.outreachexchange.scheduling.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.outreachexchange.identity.quarkus.TrustedGovernments;

import java.util.Locale;
import java.util.Optional;

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
        misconfiguration(government, trusted.isPartner(government), topic).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /** What is wrong with the combination, if anything. */
    static Optional<String> misconfiguration(String government, boolean trusted, String topic) {
        if (!government.matches("[A-Z]{2,3}")) {
            return Optional.of("outreach.scheduling.government must be an upper-case code like JP, not " + government);
        }
        if (!trusted) {
            return Optional.of("outreach.scheduling.government=" + government
                    + " has no key in outreach.identity.public-keys; its own agencies could not sign in");
        }
        String expected = "outreach.activities." + government.toLowerCase(Locale.ROOT);
        if (!expected.equals(topic)) {
            return Optional.of(TOPIC_PROPERTY + " is " + topic + " but government " + government + " publishes to " + expected);
        }
        return Optional.empty();
    }
}
