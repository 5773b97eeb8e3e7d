package org.outreachexchange.gateway.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The organizer's answer to a suggestion. */
public record SuggestionAnswer(@NotNull Decision decision, @Size(max = 4000) String comment) {

    public enum Decision {
        ACCEPT, DECLINE
    }
}
