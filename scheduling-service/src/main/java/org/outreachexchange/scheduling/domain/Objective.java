package org.outreachexchange.scheduling.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Which element an activity works on, and what it aims for. */
public record Objective(@NotNull Element element, @NotBlank @Size(max = Limits.OBJECTIVE_TEXT) String text) {
}
