package org.outreachexchange.deploy;

/** A step of starting or running the stack failed; the message says which and what to do. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
