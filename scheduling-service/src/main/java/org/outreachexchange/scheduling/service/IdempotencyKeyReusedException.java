package org.outreachexchange.scheduling.service;

/** 422: an Idempotency-Key already used for a request with a different body. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was already used for a different request; use a new key for a new activity");
    }
}
