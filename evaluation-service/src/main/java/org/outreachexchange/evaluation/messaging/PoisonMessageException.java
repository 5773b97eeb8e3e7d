package org.outreachexchange.evaluation.messaging;

/** A message this service can never apply; it goes to the dead-letter topic. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }
}
