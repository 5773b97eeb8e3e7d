package org.outreachexchange.scheduling.domain;

public enum ActivityStatus {
    PROPOSED,
    PLANNED,
    COMPLETED,
    CANCELLED;

    /** Completed and cancelled activities are history: they can no longer change. */
    public boolean isOpen() {
        return this == PROPOSED || this == PLANNED;
    }
}
