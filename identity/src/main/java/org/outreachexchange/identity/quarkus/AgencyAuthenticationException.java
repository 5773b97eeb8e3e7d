package org.outreachexchange.identity.quarkus;

/** 401: no agency token, or one that does not verify. Each service's exception mapper turns it into a problem. */
public class AgencyAuthenticationException extends RuntimeException {

    public AgencyAuthenticationException(String message) {
        super(message);
    }
}
