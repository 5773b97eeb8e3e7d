package org.outreachexchange.gateway.domain;

/** Coordination advisories: hints to organizers, never blocks. */
public enum AdvisoryKind {
    OVERLAP, ROLE_ALIGNMENT
}
