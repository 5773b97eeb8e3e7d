package org.outreachexchange.scheduling.service;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.Valid;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.outreachexchange.scheduling.domain.ActivityStatus;
import org.outreachexchange.scheduling.domain.ActivityType;
import org.outreachexchange.scheduling.domain.Distribution;
import org.outreachexchange.scheduling.domain.Objective;

import java.util.List;

/** The body of planning and revising requests; the organizer comes from configuration, never from here. */
@Schema(name = "ActivityRequest")
public record ActivityRequest(
        @Schema(required = true) @NotNull ActivityType type,
        @Schema(required = true, maxLength = 200, example = "Industrial outreach seminar in Malaysia") @NotBlank @Size(max = 200) String title,
        @Schema(required = true, description = "ISO 3166-1 alpha-2 codes, one or more", example = "[\"MY\"]")
        @NotEmpty List<@NotNull String> recipients,
        @Schema(required = true) @NotNull ScheduleRequest schedule,
        @Schema(maxLength = 200) @Size(max = 200) String location,
        @Schema(description = "Ordered agenda items") List<@NotBlank @Size(max = 2000) String> agenda,
        List<@NotNull @Valid Objective> objectives,
        @Schema(description = "PROPOSED or PLANNED; PLANNED when omitted") ActivityStatus status,
        @Schema(description = "ALL_PARTNERS when omitted") Distribution distribution) {
}
