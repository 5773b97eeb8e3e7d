package org.outreachexchange.scheduling.domain;

/** The activity's status does not allow the change (409). */
public class ActivityStateException extends RuntimeException {

    public ActivityStateException(String message) {
        super(message);
    }
}
