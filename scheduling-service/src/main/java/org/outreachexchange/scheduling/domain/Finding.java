package org.outreachexchange.scheduling.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What an activity found about one recipient's element; the evaluation-service re-evaluates from it. */
public record Finding(@NotNull @Size(max = Limits.COUNTRY) String country, @NotNull Element element, @NotNull Assessment assessment,
                      @NotBlank @Size(max = Limits.EVIDENCE) String evidence) {
}
