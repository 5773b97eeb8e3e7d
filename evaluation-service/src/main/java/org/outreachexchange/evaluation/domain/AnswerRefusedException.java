package org.outreachexchange.evaluation.domain;

/** A government may not answer a proposal: its own (403), one already decided or one it has answered (409). */
public class AnswerRefusedException extends RuntimeException {

    public enum Reason {
        OWN_PROPOSAL, DECIDED, ALREADY_ANSWERED
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
