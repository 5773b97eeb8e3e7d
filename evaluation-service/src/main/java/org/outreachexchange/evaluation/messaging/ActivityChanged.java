package org.outreachexchange.evaluation.messaging;

import org.outreachexchange.evaluation.domain.ActivityRevision;
import org.outreachexchange.evaluation.domain.Audience;
import org.outreachexchange.evaluation.domain.DistributionScope;
import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.Sufficiency;
import org.outreachexchange.evaluation.domain.Tool;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An activity was planned, revised, completed or cancelled: this service's record of the scheduling-service's event data (activity-event.schema.json), holding only
 * what evaluation needs; other fields are ignored so the producer can add some without breaking this consumer.
 */
public record ActivityChanged(UUID activityId, Integer version, String organizer, Tool type, String title,
                            List<String> recipients, Schedule schedule, Period period, Status status, Distribution distribution,
                            Results results, Instant occurredAt) {

    /** What of this event the tracked activity keeps; the consumer has checked the fields this needs are present. */
    public ActivityRevision revision() {
        return new ActivityRevision(activityId, version, organizer, type, status.name(), title, recipients, period.first(),
                period.last(), distribution.scope(), distribution.governments());
    }

    public enum Status {
        PROPOSED, PLANNED, COMPLETED, CANCELLED
    }

    /** Who the organizer shares the activity with: all partners, or only the named governments (and itself). */
    public record Distribution(DistributionScope scope, List<String> governments) {

        public Audience audience(String organizer) {
            return Audience.of(scope, organizer, governments == null ? List.of() : governments);
        }
    }

    public record Schedule(String precision, String month, LocalDate start, LocalDate end) {
    }

    /** The first and last day the activity may take place, as its producer derived them from the schedule. */
    public record Period(LocalDate first, LocalDate last) {
    }

    public record Results(String summary, List<String> participants, LocalDate completedOn, List<Finding> findings) {
    }

    public record Finding(String country, Element element, Sufficiency assessment, String evidence) {
    }
}
