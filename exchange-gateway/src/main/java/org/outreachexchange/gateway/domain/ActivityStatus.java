package org.outreachexchange.gateway.domain;

/** An activity's life-cycle state as the organizer's scheduling-service reports it. */
public enum ActivityStatus {
    PROPOSED, PLANNED, COMPLETED, CANCELLED;

    /** Cancelled or completed: past what advance notice is about, which is what partners learn before it happens. */
    public boolean concluded() {
        return this == COMPLETED || this == CANCELLED;
    }
}
