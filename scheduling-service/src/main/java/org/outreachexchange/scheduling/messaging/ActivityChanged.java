package org.outreachexchange.scheduling.messaging;

import org.outreachexchange.scheduling.domain.Activity;
import org.outreachexchange.scheduling.domain.ActivityStatus;
import org.outreachexchange.scheduling.domain.ActivityType;
import org.outreachexchange.scheduling.domain.Distribution;
import org.outreachexchange.scheduling.domain.Objective;
import org.outreachexchange.scheduling.domain.Results;
import org.outreachexchange.scheduling.domain.Schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The data of every activity event: the whole activity after the change (event-carried state), so a consumer needs
 * nothing else and applies an event only when its version is higher than the one it holds.
 * Described by {@code /schemas/activity-event.schema.json}.
 */
public record ActivityChanged(UUID activityId, long version, String organizer, ActivityType type, String title,
                              List<String> recipients, Schedule schedule, Period period, String location, List<String> agenda,
                              List<Objective> objectives, ActivityStatus status, Distribution distribution,
                              Results results, String cancellationReason, Instant occurredAt) {

    /** The first and last day the schedule covers, so consumers need not derive them again. */
    public record Period(LocalDate first, LocalDate last) {
    }

    public static ActivityChanged of(Activity activity) {
        Schedule schedule = activity.schedule();
        return new ActivityChanged(activity.id(), activity.version(), activity.organizer(), activity.type(), activity.title(),
                activity.recipients(), schedule, new Period(schedule.periodStart(), schedule.periodEnd()), activity.location(),
                activity.agenda(), activity.objectives(), activity.status(), activity.distribution(), activity.results(),
                activity.cancellationReason(), activity.updatedAt());
    }
}
