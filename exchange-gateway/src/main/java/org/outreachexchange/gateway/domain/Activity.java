package org.outreachexchange.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The gateway's copy of one activity (its latest version) with its advance-notice state. */
@Entity
@Table(name = "activity")
public class Activity {

    @Id
    public UUID id;
    public String organizer;
    public int version;
    @Enumerated(EnumType.STRING)
    public ActivityType type;
    @Enumerated(EnumType.STRING)
    public ActivityStatus status;
    /** Comma-separated ISO alpha-2 codes. */
    public String recipients;
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
    /** Comma-separated government codes; empty unless the scope is NAMED_PARTNERS. */
    @Column(name = "distribution_governments")
    public String distributionGovernments;
    /** Comma-separated {@link Missing} values; empty when the notice is complete. */
    public String missing;
    /** The activity event's JSON data as received. */
    public String snapshot;
    /** When the organizer first notified the partners (the first event's occurredAt). */
    @Column(name = "noticed_at")
    public Instant noticedAt;
    public Instant deadline;
    @Enumerated(EnumType.STRING)
    public NoticeOutcome outcome;
    @Column(name = "short_notice_changes")
    public int shortNoticeChanges;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> recipientList() {
        return split(recipients);
    }

    public Set<Missing> missingSet() {
        Set<Missing> set = EnumSet.noneOf(Missing.class);
        split(missing).forEach(m -> set.add(Missing.valueOf(m)));
        return set;
    }

    public boolean complete() {
        return missing.isEmpty();
    }

    /** The organizer always sees its own; others only when the distribution includes them. */
    public boolean visibleTo(String government) {
        return organizer.equals(government)
                || distributionScope == DistributionScope.ALL_PARTNERS
                || split(distributionGovernments).contains(government);
    }

    /** Its deadline passed while its notice still lacks dates, agenda or objectives. */
    public boolean incompletePastDeadline(Instant now) {
        return !complete() && deadline != null && !now.isBefore(deadline);
    }

    public boolean live() {
        return status != ActivityStatus.CANCELLED;
    }

    public static String join(Iterable<?> values) {
        StringBuilder joined = new StringBuilder();
        for (Object value : values) {
            if (!joined.isEmpty()) {
                joined.append(',');
            }
            joined.append(value);
        }
        return joined.toString();
    }

    private static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).collect(Collectors.toList());
    }
}
