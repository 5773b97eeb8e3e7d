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
    @Enumerated(EnumType.STRING)
    @Column(name = "activity_type")
    public Tool type;
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

    /** Who may know of this activity: the organizer always, and the partners its distribution names (or all). */
    public Audience audience() {
        return Audience.of(distributionScope, organizer, distributionGovernments);
    }
}
