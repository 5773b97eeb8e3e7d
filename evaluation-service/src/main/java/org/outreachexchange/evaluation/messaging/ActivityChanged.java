package org.outreachexchange.evaluation.messaging;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.outreachexchange.evaluation.domain.ActivityRevision;
import org.outreachexchange.evaluation.domain.Audience;
import org.outreachexchange.evaluation.domain.DistributionScope;
import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.Sufficiency;
import org.outreachexchange.events.EventValues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An activity was planned, revised, completed or cancelled: this service's record of the scheduling-service's event data (activity-event.schema.json), holding only
 * what evaluation needs; other fields are ignored so the producer can add some without breaking this consumer. It reads
 * tolerantly what a newer producer may add within the major version: an activity type it does not know is kept and
 * shown as written, a distribution scope it does not know is read as the narrowest (only the named partners), a
 * finding on an element or with an assessment it does not know is kept out of the evaluation. A status is the
 * activity's lifecycle, which the rules here act on: a new one is a new major version, which this consumer takes first.
 */
public record ActivityChanged(UUID activityId, Integer version, String organizer, String type, String title,
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

        /** A scope this build does not know fails closed: the activity is shown only to the governments named. */
        @JsonCreator
        static Distribution read(@JsonProperty("scope") String scope, @JsonProperty("governments") List<String> governments) {
            return new Distribution(scope == null ? null : EventValues.known(DistributionScope.class, scope)
                    .orElse(DistributionScope.NAMED_PARTNERS), governments);
        }

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

    /** A finding as written; {@link #knownElement} and {@link #knownAssessment} are empty for values this build does not know. */
    public record Finding(String country, String element, String assessment, String evidence) {

        public Optional<Element> knownElement() {
            return EventValues.known(Element.class, element);
        }

        public Optional<Sufficiency> knownAssessment() {
            return EventValues.known(Sufficiency.class, assessment);
        }
    }
}
