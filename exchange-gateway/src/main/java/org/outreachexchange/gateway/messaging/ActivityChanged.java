package org.outreachexchange.gateway.messaging;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.outreachexchange.events.EventValues;
import org.outreachexchange.gateway.domain.ActivitySnapshot;
import org.outreachexchange.gateway.domain.ActivityStatus;
import org.outreachexchange.gateway.domain.DistributionScope;
import org.outreachexchange.gateway.domain.Objective;
import org.outreachexchange.gateway.domain.Schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The gateway's own record of an activity event's data (the full snapshot after the change), as the
 * scheduling-service's activity-event schema describes it. Tolerant of what a newer producer may add within the major
 * version: unknown properties are ignored, an activity type this gateway does not know is kept and shown as written
 * (with the default notice period), a distribution scope it does not know is read as the narrowest (only the named
 * partners). Status and schedule precision are the lifecycle the notice rules act on: a new one is a new major version.
 */
public record ActivityChanged(UUID activityId, Integer version, String organizer, String type, String title,
                              List<String> recipients, Schedule schedule, Period period, String location, List<String> agenda,
                              List<Objective> objectives, ActivityStatus status, Distribution distribution,
                              JsonNode results, String cancellationReason, Instant occurredAt) {

    /** The first and last day the activity may take place, as its producer derived them from the schedule. */
    public record Period(LocalDate first, LocalDate last) {
    }

    public record Distribution(DistributionScope scope, List<String> governments) {

        /** A scope this build does not know fails closed: the activity is shown only to the governments named. */
        @JsonCreator
        static Distribution read(@JsonProperty("scope") String scope, @JsonProperty("governments") List<String> governments) {
            return new Distribution(scope == null ? null : EventValues.known(DistributionScope.class, scope)
                    .orElse(DistributionScope.NAMED_PARTNERS), governments);
        }
    }

    /** Rejects data the gateway cannot act on, so the message goes to the dead-letter topic instead of half-applying. */
    public ActivityChanged requireUsable() {
        require(activityId != null, "activityId");
        require(version != null && version >= 1, "version");
        require(organizer != null && organizer.matches("[A-Z]{2,3}"), "organizer");
        require(type != null, "type");
        EventValues.name("type", type);
        require(recipients != null && !recipients.isEmpty() && recipients.stream().allMatch(r -> r != null && r.matches("[A-Z]{2}")), "recipients");
        require(schedule != null && ("DATES".equals(schedule.precision()) || "MONTH".equals(schedule.precision())), "schedule.precision");
        require(period != null && period.first() != null && period.last() != null && !period.last().isBefore(period.first()), "period");
        require(status != null, "status");
        require(distribution != null && distribution.scope() != null, "distribution");
        require(occurredAt != null, "occurredAt");
        return this;
    }

    /** What the gateway keeps and judges of this version; call after {@link #requireUsable()}. */
    public ActivitySnapshot snapshot() {
        return new ActivitySnapshot(activityId, version, organizer, type, status, recipients, schedule, period.first(),
                period.last(), agendaItems(), objectiveItems(), distribution.scope(), distributionGovernments());
    }

    public List<String> agendaItems() {
        return agenda == null ? List.of() : agenda;
    }

    public List<Objective> objectiveItems() {
        return objectives == null ? List.of() : objectives;
    }

    public List<String> distributionGovernments() {
        return distribution.governments() == null ? List.of() : distribution.governments();
    }

    private static void require(boolean condition, String field) {
        if (!condition) {
            throw new IllegalArgumentException("activity event: missing or invalid " + field);
        }
    }
}
