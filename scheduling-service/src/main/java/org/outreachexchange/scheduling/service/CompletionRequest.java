package org.outreachexchange.scheduling.service;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.Valid;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.outreachexchange.scheduling.domain.Finding;

import java.time.LocalDate;
import java.util.List;

/** The results of a held activity. */
@Schema(name = "CompletionRequest")
public record CompletionRequest(@Schema(required = true) @NotBlank @Size(max = 10000) String summary,
                                List<@NotBlank @Size(max = 200) String> participants,
                                @Schema(required = true) @NotNull LocalDate completedOn,
                                @Schema(description = "Per recipient country and element") List<@NotNull @Valid Finding> findings) {
}
