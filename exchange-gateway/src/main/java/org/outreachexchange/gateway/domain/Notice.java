package org.outreachexchange.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One notice the gateway raised about an activity; its id is the published CloudEvent's id. */
@Entity
@Table(name = "notice")
public class Notice {

    @Id
    public UUID id;
    @Column(name = "activity_id")
    public UUID activityId;
    @Enumerated(EnumType.STRING)
    public NoticeKind kind;
    /** The government the notice is addressed to: the organizer of the activity. */
    public String addressee;
    public String payload;
    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** {@code payload} is the published event's data, whose id is {@code id}. */
    public static Notice raised(UUID id, UUID activityId, NoticeKind kind, String addressee, String payload, Instant at) {
        Notice notice = new Notice();
        notice.id = id;
        notice.activityId = activityId;
        notice.kind = kind;
        notice.addressee = addressee;
        notice.payload = payload;
        notice.occurredAt = at;
        return notice;
    }
}
