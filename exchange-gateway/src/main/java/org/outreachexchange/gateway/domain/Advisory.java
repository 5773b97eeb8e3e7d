package org.outreachexchange.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    /** Partners that lead the tool (role alignment); empty for overlaps. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> leads;
    public String message;
    @Column(name = "created_at")
    public Instant createdAt;

    /** To {@code own}'s organizer: {@code other}, of another government, lies within {@code windowDays} for the same recipient. */
    public static Advisory overlap(Activity own, Activity other, String recipient, int windowDays, Instant now) {
        String message = "%s's %s for %s (%s to %s) is within %d days of your %s (%s to %s)".formatted(other.organizer,
                other.type, recipient, other.startDate, other.endDate, windowDays, own.type, own.startDate, own.endDate);
        return advise(AdvisoryKind.OVERLAP, own, other, recipient, List.of(), message,
                "OVERLAP:" + own.organizer + ":" + own.id + ":" + other.id, now);
    }

    /** The recipient's category assigns the activity's type to {@code leads}, which do not include its organizer. */
    public static Advisory roleAlignment(Activity activity, String recipient, String category, List<String> leads, Instant now) {
        String message = "for %s (%s) the role-sharing table assigns %s to %s".formatted(recipient, category, activity.type,
                String.join(" and ", leads));
        return advise(AdvisoryKind.ROLE_ALIGNMENT, activity, null, recipient, leads, message,
                "ROLE_ALIGNMENT:" + activity.organizer + ":" + activity.id + ":" + recipient + ":" + category, now);
    }

    private static Advisory advise(AdvisoryKind kind, Activity own, Activity other, String recipient, List<String> leads,
                                   String message, String dedupKey, Instant now) {
        Advisory advisory = new Advisory();
        advisory.id = UUID.randomUUID();
        advisory.dedupKey = dedupKey;
        advisory.kind = kind;
        advisory.government = own.organizer;
        advisory.activityId = own.id;
        advisory.otherActivityId = other == null ? null : other.id;
        advisory.recipient = recipient;
        advisory.leads = new ArrayList<>(leads);
        advisory.message = message;
        advisory.createdAt = now;
        return advisory;
    }
}
