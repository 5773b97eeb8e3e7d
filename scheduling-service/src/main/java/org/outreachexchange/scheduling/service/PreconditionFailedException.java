package org.outreachexchange.scheduling.service;

/** 412: the caller's If-Match names a version that is no longer current. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
