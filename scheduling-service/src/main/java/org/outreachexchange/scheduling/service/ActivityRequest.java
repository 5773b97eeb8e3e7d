package org.outreachexchange.scheduling.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.outreachexchange.scheduling.domain.ActivityStatus;
import org.outreachexchange.scheduling.domain.ActivityType;
import org.outreachexchange.scheduling.domain.Distribution;
import org.outreachexchange.scheduling.domain.Limits;
import org.outreachexchange.scheduling.domain.Objective;

import java.util.List;

/** The body of planning and revising requests; the organizer comes from configuration, never from here. */
@Schema(name = "ActivityRequest")
public record ActivityRequest(
        @Schema(required = true) @NotNull ActivityType type,
        @Schema(required = true, example = "Industrial outreach seminar in Malaysia") @NotBlank @Size(max = Limits.TITLE) String title,
        @Schema(required = true, description = "ISO 3166-1 alpha-2 codes, one or more", example = "[\"MY\"]")
        @NotEmpty @Size(max = Limits.RECIPIENTS) List<@NotNull @Size(max = Limits.COUNTRY) String> recipients,
        @Schema(required = true) @NotNull ScheduleRequest schedule,
        @Size(max = Limits.LOCATION) String location,
        @Schema(description = "Ordered agenda items")
        @Size(max = Limits.AGENDA_ITEMS) List<@NotBlank @Size(max = Limits.AGENDA_ITEM) String> agenda,
        @Size(max = Limits.OBJECTIVES) List<@NotNull @Valid Objective> objectives,
        @Schema(description = "PROPOSED or PLANNED; PLANNED when omitted") ActivityStatus status,
        @Schema(description = "ALL_PARTNERS when omitted") @Valid Distribution distribution) {
}
