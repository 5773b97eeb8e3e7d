package org.outreachexchange.scheduling.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.outreachexchange.outbox.Outbox;
import org.outreachexchange.outbox.OutgoingEvent;
import org.outreachexchange.scheduling.config.SchedulingConfig;
import org.outreachexchange.scheduling.domain.Activity;

/**
 * Writes an activity event to the outbox in the caller's transaction; the outbox relay publishes it to
 * {@code outreach.activities.<gov>} keyed by the activity id, so each activity's events stay in order.
 */
@ApplicationScoped
public class ActivityEvents {

    public static final String SOURCE_PREFIX = "/outreach/scheduling/";

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final String source;

    ActivityEvents(Outbox outbox, ObjectMapper mapper, SchedulingConfig config) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.source = SOURCE_PREFIX + config.government();
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
