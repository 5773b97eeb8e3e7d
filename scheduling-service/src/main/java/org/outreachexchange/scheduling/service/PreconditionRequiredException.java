package org.outreachexchange.scheduling.service;

/** 428: a revision must say which version it revises, so no agency overwrites a change it has not seen. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String message) {
        super(message);
    }
}
