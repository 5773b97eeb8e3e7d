package org.outreachexchange.evaluation.domain;

/**
 * A government may not answer a proposal: its own, one opened before it joined, or one about its own evaluation
 * (403); one already decided or one it has answered (409).
 */
public class AnswerRefusedException extends RuntimeException {

    public enum Reason {
        OWN_PROPOSAL, NOT_IN_ELECTORATE, CONFLICT_OF_INTEREST, DECIDED, ALREADY_ANSWERED;

        /** Whether the government may not answer at all (403), rather than not now (409). */
        public boolean forbidden() {
            return this == OWN_PROPOSAL || this == NOT_IN_ELECTORATE || this == CONFLICT_OF_INTEREST;
        }
    }

    private final Reason reason;

    public AnswerRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
