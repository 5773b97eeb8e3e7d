package org.outreachexchange.scheduling.service;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancellationRequest")
public record CancellationRequest(@Schema(required = true, maxLength = 2000) @NotBlank @Size(max = 2000) String reason) {
}
