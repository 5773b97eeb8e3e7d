package org.outreachexchange.scheduling.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.outreachexchange.scheduling.domain.Finding;

import java.time.LocalDate;
import java.util.List;

/** The results of a held activity. */
@Schema(name = "CompletionRequest")
public record CompletionRequest(@Schema(required = true) String summary,
                                List<String> participants,
                                @Schema(required = true) LocalDate completedOn,
                                @Schema(description = "Per recipient country and element") List<Finding> findings) {
}
