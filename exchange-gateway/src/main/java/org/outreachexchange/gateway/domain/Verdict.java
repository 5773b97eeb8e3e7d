package org.outreachexchange.gateway.domain;

/** A partner's acknowledgement of an activity's notice. */
public enum Verdict {
    CONCUR, CONCERN
}
