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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The gateway's copy of one activity (its latest version) with its advance-notice state. The fields are read freely;
 * they change only through {@link #first}, {@link #revise} and {@link #record}, with notice states the
 * {@link NoticePolicy} decided.
 */
@Entity
@Table(name = "activity")
public class Activity {

    @Id
    public UUID id;
    public String organizer;
    public int version;
    /** An {@link ActivityType}, or a type of a newer producer, kept and shown as written. */
    public String type;
    @Enumerated(EnumType.STRING)
    public ActivityStatus status;
    /** ISO alpha-2 codes. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> recipients;
    /** The first day: the start date, or the first day of the month for month-precision schedules. */
    @Column(name = "start_date")
    public LocalDate startDate;
    /** The last day: the end date, or the last day of the month. */
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "exact_dates")
    public boolean exactDates;
    @Enumerated(EnumType.STRING)
    @Column(name = "distribution_scope")
    public DistributionScope distributionScope;
    /** Government codes; empty unless the scope is NAMED_PARTNERS. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "distribution_governments")
    public List<String> distributionGovernments;
    /** Empty when the notice is complete. */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Missing> missing;
    /** The activity event's JSON data as received. */
    public String snapshot;
    /** When the partners were first notified: the broker's append time of the first event, on the gateway's clock. */
    @Column(name = "noticed_at")
    public Instant noticedAt;
    public Instant deadline;
    @Enumerated(EnumType.STRING)
    public NoticeOutcome outcome;
    @Column(name = "short_notice_changes")
    public int shortNoticeChanges;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The gateway's first sight of an activity: {@code data} as received, {@code notice} as the policy decided. */
    public static Activity first(ActivitySnapshot snapshot, String data, NoticeState notice, Instant now) {
        Activity activity = new Activity();
        activity.id = snapshot.activityId();
        activity.show(snapshot, data, now);
        activity.record(notice);
        return activity;
    }

    /** Whether {@code version} is newer than the one held; an older or the same one is stale and changes nothing. */
    public boolean supersededBy(int version) {
        return version > this.version;
    }

    /** A newer version replaces the held one. */
    public void revise(ActivitySnapshot snapshot, String data, NoticeState notice, Instant now) {
        if (!snapshot.activityId().equals(id) || !supersededBy(snapshot.version())) {
            throw new IllegalStateException("activity " + id + " at version " + version + " cannot be revised to "
                    + snapshot.activityId() + " version " + snapshot.version());
        }
        show(snapshot, data, now);
        record(notice);
    }

    /** The notice state the policy decided, e.g. when the deadline passed without a new version. */
    public void record(NoticeState notice) {
        noticedAt = notice.noticedAt();
        deadline = notice.deadline();
        missing = new ArrayList<>(notice.missing());
        outcome = notice.outcome();
        shortNoticeChanges = notice.shortNoticeChanges();
    }

    public NoticeState notice() {
        return new NoticeState(noticedAt, deadline, missing, outcome, shortNoticeChanges);
    }

    public boolean complete() {
        return missing.isEmpty();
    }

    /** The organizer always sees its own; others only when the distribution includes them. */
    public boolean visibleTo(String government) {
        return organizer.equals(government)
                || distributionScope == DistributionScope.ALL_PARTNERS
                || distributionGovernments.contains(government);
    }

    /** Its deadline passed while its notice still lacks dates, agenda or objectives. */
    public boolean incompletePastDeadline(Instant now) {
        return notice().incompletePastDeadline(now);
    }

    public boolean live() {
        return status != ActivityStatus.CANCELLED;
    }

    private void show(ActivitySnapshot snapshot, String data, Instant now) {
        organizer = snapshot.organizer();
        version = snapshot.version();
        type = snapshot.type();
        status = snapshot.status();
        recipients = new ArrayList<>(snapshot.recipients());
        startDate = snapshot.firstDay();
        endDate = snapshot.lastDay();
        exactDates = snapshot.exactDates();
        distributionScope = snapshot.distributionScope();
        distributionGovernments = new ArrayList<>(snapshot.distributionGovernments());
        this.snapshot = data;
        updatedAt = now;
    }
}
