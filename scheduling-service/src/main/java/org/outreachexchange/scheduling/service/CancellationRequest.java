package org.outreachexchange.scheduling.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.outreachexchange.scheduling.domain.Limits;

@Schema(name = "CancellationRequest")
public record CancellationRequest(@Schema(required = true) @NotBlank @Size(max = Limits.CANCELLATION_REASON) String reason) {
}
