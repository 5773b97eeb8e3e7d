package org.outreachexchange.scheduling.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An outreach activity of the government this deployment serves. Status rules live here. */
@Entity
@Table(name = "activity")
public class Activity {

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String organizer;

    /** The agency that planned it; none for activities planned before agencies were recorded (V2). */
    @Column(name = "created_by", updatable = false)
    private String createdBy;

    /** Where it stands in the list, given in commit order ({@link ActivityRepository#nextListPosition}). */
    @Column(name = "list_position", nullable = false, updatable = false)
    private long listPosition;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActivityType type;

    @Column(nullable = false)
    private String title;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "activity_recipient", joinColumns = @JoinColumn(name = "activity_id"))
    @OrderColumn(name = "position")
    @Column(name = "country", nullable = false)
    private List<String> recipients = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "schedule_precision", nullable = false)
    private SchedulePrecision schedulePrecision;

    @Column(name = "schedule_month")
    private String scheduleMonth;

    @Column(name = "schedule_start")
    private LocalDate scheduleStart;

    @Column(name = "schedule_end")
    private LocalDate scheduleEnd;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    private String location;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> agenda;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Objective> objectives;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActivityStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "distribution_scope", nullable = false)
    private DistributionScope distributionScope;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "distribution_governments", nullable = false)
    private List<String> distributionGovernments;

    @JdbcTypeCode(SqlTypes.JSON)
    private Results results;

    @Column(name = "cancellation_reason")
    private String cancellationReason;

    /**
     * 1 when planned, one more with every change; the ETag and the events carry it. Kept explicitly rather than with
     * JPA's @Version so it starts at 1; writers hold the row lock ({@link ActivityRepository#findForUpdate}) while they
     * compare and raise it, so no concurrent change is lost.
     */
    @Column(nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Activity() {
    }

    public static Activity plan(UUID id, String organizer, String createdBy, long listPosition, ActivityContent content,
                                Instant now) {
        Activity activity = new Activity();
        activity.id = id;
        activity.organizer = organizer;
        activity.createdBy = createdBy;
        activity.listPosition = listPosition;
        activity.createdAt = now;
        activity.apply(content, now);
        activity.version = 1;
        return activity;
    }

    public void revise(ActivityContent content, Instant now) {
        requireOpen("revised");
        apply(content, now);
    }

    public void complete(Results results, Instant now) {
        requireCompletable();
        this.results = results;
        this.status = ActivityStatus.COMPLETED;
        this.updatedAt = now;
        this.version++;
    }

    public void cancel(String reason, Instant now) {
        requireOpen("cancelled");
        this.cancellationReason = reason;
        this.status = ActivityStatus.CANCELLED;
        this.updatedAt = now;
        this.version++;
    }

    /** Planners plan; so does the coordinator, for any of its government's agencies. */
    public static boolean mayBePlannedBy(AgencyIdentity agency) {
        return agency.has(Role.PLANNER) || agency.has(Role.COORDINATOR);
    }

    /**
     * Revising, completing and cancelling belong to the planners of the agency that planned it, and to the
     * government's coordinator. (That the agency is of this government is checked for every request.)
     */
    public boolean mayBeChangedBy(AgencyIdentity agency) {
        return agency.has(Role.COORDINATOR) || agency.has(Role.PLANNER) && agency.agency().equals(createdBy);
    }

    /** Only a PLANNED activity with exact dates can be completed: results need to say when it was held. */
    public void requireCompletable() {
        if (status != ActivityStatus.PLANNED) {
            throw new ActivityStateException("only a PLANNED activity can be completed; this one is " + status);
        }
        if (schedulePrecision != SchedulePrecision.DATES) {
            throw new ActivityStateException("narrow the schedule from a month to exact dates before completing the activity");
        }
    }

    /** Refuses changes to history before any input is looked at, so the caller hears 409 rather than a 400. */
    public void requireOpen(String change) {
        if (!status.isOpen()) {
            throw new ActivityStateException("a " + status + " activity cannot be " + change);
        }
    }

    private void apply(ActivityContent content, Instant now) {
        this.type = content.type();
        this.title = content.title();
        this.recipients.clear();
        this.recipients.addAll(content.recipients());
        Schedule schedule = content.schedule();
        this.schedulePrecision = schedule.precision();
        this.scheduleMonth = schedule.month() == null ? null : schedule.month().toString();
        this.scheduleStart = schedule.start();
        this.scheduleEnd = schedule.end();
        this.periodStart = schedule.periodStart();
        this.periodEnd = schedule.periodEnd();
        this.location = content.location();
        this.agenda = List.copyOf(content.agenda());
        this.objectives = List.copyOf(content.objectives());
        this.status = content.status();
        this.distributionScope = content.distribution().scope();
        this.distributionGovernments = List.copyOf(content.distribution().governments());
        this.updatedAt = now;
        this.version++;
    }

    public UUID id() {
        return id;
    }

    public String organizer() {
        return organizer;
    }

    public String createdBy() {
        return createdBy;
    }

    public long listPosition() {
        return listPosition;
    }

    public ActivityType type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<String> recipients() {
        return List.copyOf(recipients);
    }

    public Schedule schedule() {
        return new Schedule(schedulePrecision, scheduleMonth == null ? null : YearMonth.parse(scheduleMonth), scheduleStart, scheduleEnd);
    }

    public String location() {
        return location;
    }

    public List<String> agenda() {
        return agenda;
    }

    public List<Objective> objectives() {
        return objectives;
    }

    public ActivityStatus status() {
        return status;
    }

    public Distribution distribution() {
        return new Distribution(distributionScope, distributionGovernments);
    }

    public Results results() {
        return results;
    }

    public String cancellationReason() {
        return cancellationReason;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
