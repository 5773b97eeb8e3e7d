package org.outreachexchange.scheduling.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.outreachexchange.scheduling.domain.ActivityStatus;
import org.outreachexchange.scheduling.domain.ActivityType;
import org.outreachexchange.scheduling.domain.Distribution;
import org.outreachexchange.scheduling.domain.Objective;

import java.util.List;

/** The body of planning and revising requests; the organizer comes from configuration, never from here. */
@Schema(name = "ActivityRequest")
public record ActivityRequest(
        @Schema(required = true) ActivityType type,
        @Schema(required = true, maxLength = 200, example = "Industrial outreach seminar in Malaysia") String title,
        @Schema(required = true, description = "ISO 3166-1 alpha-2 codes, one or more", example = "[\"MY\"]") List<String> recipients,
        @Schema(required = true) ScheduleRequest schedule,
        @Schema(maxLength = 200) String location,
        @Schema(description = "Ordered agenda items") List<String> agenda,
        List<Objective> objectives,
        @Schema(description = "PROPOSED or PLANNED; PLANNED when omitted") ActivityStatus status,
        @Schema(description = "ALL_PARTNERS when omitted") Distribution distribution) {
}
