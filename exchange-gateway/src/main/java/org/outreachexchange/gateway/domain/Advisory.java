package org.outreachexchange.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A coordination advisory to one organizer about one of its activities. */
@Entity
@Table(name = "advisory")
public class Advisory {

    @Id
    public UUID id;
    /** Makes an advisory unique per addressee, activity and cause, so redeliveries and revisions raise no duplicates. */
    @Column(name = "dedup_key")
    public String dedupKey;
    @Enumerated(EnumType.STRING)
    public AdvisoryKind kind;
    public String government;
    @Column(name = "activity_id")
    public UUID activityId;
    @Column(name = "other_activity_id")
    public UUID otherActivityId;
    public String recipient;
    /** Comma-separated partners that lead the tool (role alignment); empty for overlaps. */
    public String leads;
    public String message;
    @Column(name = "created_at")
    public Instant createdAt;
}
