package org.outreachexchange.scheduling.service;

/** 404: no activity with that id in this deployment. */
public class ActivityNotFoundException extends RuntimeException {

    public ActivityNotFoundException(String id) {
        super("no activity " + id);
    }
}
