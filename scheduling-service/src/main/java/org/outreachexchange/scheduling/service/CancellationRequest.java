package org.outreachexchange.scheduling.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancellationRequest")
public record CancellationRequest(@Schema(required = true, maxLength = 2000) String reason) {
}
