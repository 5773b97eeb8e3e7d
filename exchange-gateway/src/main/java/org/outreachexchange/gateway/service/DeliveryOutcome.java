package org.outreachexchange.gateway.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * How one attempt of a delivery ended: an HTTP status, a transport error, or a reason it was not sent at all.
 *
 * @param attemptedAt when the attempt began, on the service's clock (the delivery log's time)
 * @param answeredAt  when it ended, by the wall clock: the receiver's {@code Retry-After} is judged against it
 */
public record DeliveryOutcome(UUID deliveryId, Integer status, String error, Optional<String> retryAfter,
                              Instant attemptedAt, Instant answeredAt, long durationMs, String notSent) {

    static DeliveryOutcome answered(UUID deliveryId, int status, Optional<String> retryAfter, Instant attemptedAt,
                                    Instant answeredAt, long durationMs) {
        return new DeliveryOutcome(deliveryId, status, null, retryAfter, attemptedAt, answeredAt, durationMs, null);
    }

    static DeliveryOutcome failed(UUID deliveryId, Throwable failure, Instant attemptedAt, Instant answeredAt, long durationMs) {
        return new DeliveryOutcome(deliveryId, null, describe(failure), Optional.empty(), attemptedAt, answeredAt, durationMs, null);
    }

    /** The failure and, when it wraps one, its root cause: a TLS failure says little more than that it failed. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String described = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? described : described + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    static DeliveryOutcome notSent(UUID deliveryId, String reason, Instant at) {
        return new DeliveryOutcome(deliveryId, null, null, Optional.empty(), at, at, 0, reason);
    }

    public boolean sent() {
        return notSent == null;
    }
}
