package org.outreachexchange.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event on its way out: CloudEvent attributes, the Kafka key and the JSON data.
 *
 * @param id         the CloudEvent id, consumers' de-duplication key
 * @param type       CloudEvent type, e.g. {@code outreach.activity.planned}
 * @param source     CloudEvent source, e.g. {@code /outreach/scheduling/JP}
 * @param subject    CloudEvent subject: the aggregate the event is about
 * @param key        Kafka key; events with the same key keep their order
 * @param payload    the JSON data
 * @param occurredAt when the change was committed, by the service's clock
 */
public record OutgoingEvent(UUID id, String type, String source, String subject, String key, String payload, Instant occurredAt) {

    public OutgoingEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** An event about {@code aggregate}, keyed by it, with a fresh id. */
    public static OutgoingEvent about(String aggregate, String type, String source, String payload, Instant occurredAt) {
        return new OutgoingEvent(UUID.randomUUID(), type, source, aggregate, aggregate, payload, occurredAt);
    }
}
