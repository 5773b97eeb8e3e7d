package org.outreachexchange.scheduling.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.outreachexchange.scheduling.domain.Finding;
import org.outreachexchange.scheduling.domain.Limits;

import java.time.LocalDate;
import java.util.List;

/** The results of a held activity. */
@Schema(name = "CompletionRequest")
public record CompletionRequest(@Schema(required = true) @NotBlank @Size(max = Limits.SUMMARY) String summary,
                                @Size(max = Limits.PARTICIPANTS) List<@NotBlank @Size(max = Limits.PARTICIPANT) String> participants,
                                @Schema(required = true) @NotNull LocalDate completedOn,
                                @Schema(description = "Per recipient country and element")
                                @Size(max = Limits.FINDINGS) List<@NotNull @Valid Finding> findings) {
}
