package org.outreachexchange.events;

/** An event written under a schema version its consumer cannot read: dead-lettered with this reason, never guessed at. */
public class UnreadableEventException extends IllegalArgumentException {

    public UnreadableEventException(String message) {
        super(message);
    }
}
