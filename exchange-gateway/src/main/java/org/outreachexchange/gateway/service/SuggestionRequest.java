package org.outreachexchange.gateway.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.outreachexchange.gateway.domain.SuggestionKind;

/** A partner suggests an agenda item or an objective (with the element it serves) for an activity. */
public record SuggestionRequest(@NotNull SuggestionKind kind, @NotBlank @Size(max = 2000) String text,
                                @Pattern(regexp = "INTENTION|LAWS_REGULATIONS|ENFORCEMENT|INDUSTRY_COOPERATION") String element,
                                @Size(max = 4000) String reason) {
}
