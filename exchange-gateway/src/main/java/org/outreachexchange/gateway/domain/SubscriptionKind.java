package org.outreachexchange.gateway.domain;

import java.util.List;

/**
 * What a subscription receives: partners' activities, re-evaluations, notices about its government's own activities,
 * or proposals to change the shared evaluation (opened, adopted, dropped). Each kind is filtered by its own filters
 * (others given with it are kept but play no part).
 */
public enum SubscriptionKind {
    SCHEDULES("Other governments' activities shared with the subscriber's government: planned, revised, completed, cancelled",
            List.of("governments", "recipients", "activityTypes")),
    REEVALUATIONS("Re-evaluations of recipient countries in the shared evaluation", List.of("countries", "categoryChangesOnly")),
    NOTICES("Advance-notice outcomes and coordination advisories about the subscriber's government's own activities",
            List.of()),
    PROPOSALS("Proposals to change the shared evaluation, opened, adopted or dropped (a criteria proposal concerns every"
            + " country)", List.of("countries"));

    private final String description;
    private final List<String> filters;

    SubscriptionKind(String description, List<String> filters) {
        this.description = description;
        this.filters = filters;
    }

    public String description() {
        return description;
    }

    /** The names of the filters that select what this kind delivers. */
    public List<String> filters() {
        return filters;
    }
}
