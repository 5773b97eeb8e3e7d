package org.outreachexchange.evaluation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The latest known version of a partner's outreach activity, as far as coverage needs it. */
@Entity
@Table(name = "tracked_activity")
public class TrackedActivity {

    @Id
    @Column(name = "activity_id")
    public UUID activityId;
    public int version;
    public String organizer;
    /** A {@link Tool}, or a type of a newer producer, kept as written. */
    @Column(name = "activity_type")
    public String type;
    public String status;
    public String title;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> recipients;
    /** First and last day the activity may take place; a month-precision schedule spans the whole month. */
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    /** Who the organizer shares the activity with; rows tracked before this was recorded read NAMED_PARTNERS, []. */
    @Enumerated(EnumType.STRING)
    @Column(name = "distribution_scope")
    public DistributionScope distributionScope;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "distribution_governments")
    public List<String> distributionGovernments = List.of();
    @Column(name = "updated_at")
    public Instant updatedAt;

    protected TrackedActivity() {
    }

    /** Starts tracking an activity at the first revision seen, whatever its version. */
    public static TrackedActivity track(ActivityRevision revision, Instant at) {
        TrackedActivity activity = new TrackedActivity();
        activity.activityId = revision.activityId();
        activity.take(revision, at);
        return activity;
    }

    /**
     * Takes a revision newer than the version held; an older or equal one (redelivered, or overtaken) changes nothing.
     *
     * @return whether the revision was taken
     */
    public boolean update(ActivityRevision revision, Instant at) {
        if (!activityId.equals(revision.activityId())) {
            throw new IllegalArgumentException("a revision of activity " + revision.activityId() + " cannot update " + activityId);
        }
        if (revision.version() <= version) {
            return false;
        }
        take(revision, at);
        return true;
    }

    private void take(ActivityRevision revision, Instant at) {
        version = revision.version();
        organizer = revision.organizer();
        type = revision.type();
        status = revision.status();
        title = revision.title() == null ? "" : revision.title();
        recipients = List.copyOf(revision.recipients());
        periodStart = revision.periodStart();
        periodEnd = revision.periodEnd();
        updatedAt = at;
        distributionScope = revision.distributionScope();
        // Named governments mean something only when the scope names partners; kept otherwise they would mislead.
        distributionGovernments = distributionScope == DistributionScope.NAMED_PARTNERS
                && revision.distributionGovernments() != null ? List.copyOf(revision.distributionGovernments()) : List.of();
    }

    /** Who may know of this activity: the organizer always, and the partners its distribution names (or all). */
    public Audience audience() {
        return Audience.of(distributionScope, organizer, distributionGovernments);
    }
}
