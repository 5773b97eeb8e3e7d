package org.outreachexchange.evaluation.domain;

import java.time.Instant;

/** A partner government's concurrence in or objection to a proposal. */
public record ProposalResponse(String government, String agency, Kind kind, String comment, Instant at) {

    public enum Kind {
        CONCURRENCE, OBJECTION
    }
}
