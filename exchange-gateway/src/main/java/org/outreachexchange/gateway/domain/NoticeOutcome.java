package org.outreachexchange.gateway.domain;

/** Where an activity stands against its notice deadline. */
public enum NoticeOutcome {
    PENDING, COMPLIANT, LATE, INCOMPLETE
}
