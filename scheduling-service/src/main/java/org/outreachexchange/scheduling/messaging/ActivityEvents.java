package org.outreachexchange.scheduling.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.outreachexchange.outbox.Outbox;
import org.outreachexchange.outbox.OutgoingEvent;
import org.outreachexchange.outbox.trust.ActivityTopics;
import org.outreachexchange.scheduling.config.SchedulingConfig;
import org.outreachexchange.scheduling.domain.Activity;

/**
 * Writes an activity event to the outbox in the caller's transaction, where it is sealed as the next event of the
 * government's chain; the outbox relay publishes it to {@code outreach.activities.<gov>} keyed by the activity id.
 */
@ApplicationScoped
public class ActivityEvents {

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final String source;

    ActivityEvents(Outbox outbox, ObjectMapper mapper, SchedulingConfig config) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.source = ActivityTopics.source(config.government());
    }

    /** Call after the change is applied to the activity, in the same transaction. */
    public void append(Activity activity, ActivityChange change) {
        ActivityChanged data = ActivityChanged.of(activity);
        try {
            outbox.append(OutgoingEvent.about(activity.id().toString(), change.cloudEventType(), source,
                    mapper.writeValueAsString(data), data.occurredAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the event of activity " + activity.id(), e);
        }
    }
}
