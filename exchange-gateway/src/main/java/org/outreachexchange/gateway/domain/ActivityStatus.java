package org.outreachexchange.gateway.domain;

/** An activity's life-cycle state as the organizer's scheduling-service reports it. */
public enum ActivityStatus {
    PROPOSED, PLANNED, COMPLETED, CANCELLED
}
