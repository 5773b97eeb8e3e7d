package org.outreachexchange.scheduling.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.outreachexchange.identity.quarkus.TrustedGovernments;
import org.outreachexchange.outbox.trust.ActivityTopics;
import org.outreachexchange.outbox.trust.EventSealer;

import java.util.Optional;

/**
 * Refuses to start a deployment whose settings disagree: a JP service writing to the US topic would pass its
 * activities off as another government's, and broker ACLs are drawn per topic; one that does not seal its events as
 * its own government's chain would have every event refused by the consumers.
 */
@ApplicationScoped
class ActivityTopicCheck {

    static final String TOPIC_PROPERTY = "mp.messaging.outgoing.outbox-events.topic";

    private final SchedulingConfig config;
    private final TrustedGovernments trusted;
    private final String topic;
    private final EventSealer sealer;

    ActivityTopicCheck(SchedulingConfig config, TrustedGovernments trusted, @ConfigProperty(name = TOPIC_PROPERTY) String topic,
                       EventSealer sealer) {
        this.config = config;
        this.trusted = trusted;
        this.topic = topic;
        this.sealer = sealer;
    }

    void check(@Observes StartupEvent event) {
        String government = config.government();
        misconfiguration(government, trusted.isPartner(government), topic, sealer.chain()).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /** What is wrong with the combination, if anything. */
    static Optional<String> misconfiguration(String government, boolean trusted, String topic, Optional<String> chain) {
        if (!government.matches("[A-Z]{2,3}")) {
            return Optional.of("outreach.scheduling.government must be an upper-case code like JP, not " + government);
        }
        if (!trusted) {
            return Optional.of("outreach.scheduling.government=" + government
                    + " is not a partner in the partners document (outreach.partners.file); its own agencies could not sign in");
        }
        String expected = ActivityTopics.topic(government);
        if (!expected.equals(topic)) {
            return Optional.of(TOPIC_PROPERTY + " is " + topic + " but government " + government + " publishes to " + expected);
        }
        if (!chain.equals(Optional.of(government))) {
            return Optional.of("outreach.event-signing.chain is " + chain.orElse("unset") + " but government " + government
                    + " seals its activity events as its own chain; set it to " + government
                    + " with outreach.event-signing.private-key (the government's event key)");
        }
        return Optional.empty();
    }
}
