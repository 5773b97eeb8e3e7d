package org.outreachexchange.scheduling.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.outreachexchange.scheduling.domain.Activity;
import org.outreachexchange.scheduling.domain.ActivityStatus;
import org.outreachexchange.scheduling.domain.ActivityType;
import org.outreachexchange.scheduling.domain.Distribution;
import org.outreachexchange.scheduling.domain.Objective;
import org.outreachexchange.scheduling.domain.Results;
import org.outreachexchange.scheduling.domain.Schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Activity")
public record ActivityView(UUID id, String organizer,
                           @Schema(description = "The agency that planned it; its planners may change it. Null for activities planned before agencies were recorded")
                           String createdBy, ActivityType type, String title, List<String> recipients,
                           Schedule schedule, String location, List<String> agenda, List<Objective> objectives,
                           ActivityStatus status, Distribution distribution, Results results, String cancellationReason,
                           @Schema(description = "Also the ETag, as \"<version>\"") long version,
                           Instant createdAt, Instant updatedAt) {

    static ActivityView of(Activity a) {
        return new ActivityView(a.id(), a.organizer(), a.createdBy(), a.type(), a.title(), a.recipients(), a.schedule(), a.location(),
                a.agenda(), a.objectives(), a.status(), a.distribution(), a.results(), a.cancellationReason(), a.version(),
                a.createdAt(), a.updatedAt());
    }
}
