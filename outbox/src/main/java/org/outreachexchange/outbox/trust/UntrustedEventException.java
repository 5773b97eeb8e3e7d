package org.outreachexchange.outbox.trust;

/**
 * An event a consumer refuses because it cannot be shown to come from the government it concerns. It goes to the
 * dead-letter topic with its reason, is counted, and changes nothing; it is never retried as a passing failure.
 */
public class UntrustedEventException extends RuntimeException {

    /** Why an event was refused; the metric's {@code reason} tag. */
    public enum Reason {
        /** Not on a partner government's activity topic. */
        TOPIC,
        /** The CloudEvent source names another producer than the topic's government. */
        SOURCE,
        /** The body claims another organizer than the topic's government. */
        ORGANIZER,
        /** The event would change an activity first seen on another government's topic. */
        OWNERSHIP,
        /** No seal, or a signature that does not verify against the government's event key. */
        SIGNATURE,
        /** A sequence number skipped: an event before it is missing. */
        CHAIN_GAP,
        /** A sequence number taken twice, or a link to another event than the one before it. */
        CHAIN_FORK,
        /** The record's timestamp was set by its producer, not by the broker. */
        TIMESTAMP
    }

    private final String government;
    private final Reason reason;

    public UntrustedEventException(String government, Reason reason, String message) {
        super(message);
        this.government = government;
        this.reason = reason;
    }

    public String government() {
        return government;
    }

    public Reason reason() {
        return reason;
    }
}
