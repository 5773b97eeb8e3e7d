package org.outreachexchange.identity.quarkus;

/** 403: a verified agency asking for something its government may not do. */
public class AgencyForbiddenException extends RuntimeException {

    public AgencyForbiddenException(String message) {
        super(message);
    }
}
