package org.outreachexchange.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * What follows a webhook attempt: delivered on 2xx; stopped for good on 410 Gone (Standard Webhooks: the endpoint is
 * gone); otherwise, a status or a transport error, retried after the endpoint's {@code Retry-After} or an exponential
 * backoff with jitter, both capped, until {@code maxAttempts} attempts make it a dead letter.
 */
public final class RetryPolicy {

    /** How an attempt ends the delivery or not; {@code delay} only for {@link Kind#RETRY}. */
    public record Verdict(Kind kind, Duration delay) {

        public enum Kind {
            DELIVERED, RETRY, EXHAUSTED, GONE
        }

        static Verdict of(Kind kind) {
            return new Verdict(kind, Duration.ZERO);
        }
    }

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double jitter;
    private final DoubleSupplier random;

    /**
     * @param jitter spread of each backoff as a fraction: 0.2 is plus or minus 20 %
     * @param random uniform in [0, 1)
     */
    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter, DoubleSupplier random) {
        if (maxAttempts < 1 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("retry policy needs maxAttempts >= 1, 0 <= initial backoff <= max backoff, 0 <= jitter < 1");
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.jitter = jitter;
        this.random = random;
    }

    /**
     * @param attempts   attempts made so far, this one included
     * @param status     the HTTP status, or null when no answer came (connection refused, timeout)
     * @param retryAfter the answer's {@code Retry-After} header, if any
     * @param receivedAt when the answer came, by the wall clock: an HTTP date in {@code Retry-After} is the receiver's
     *                   time, which a replayed scenario clock says nothing about
     */
    public Verdict judge(int attempts, Integer status, Optional<String> retryAfter, Instant receivedAt) {
        if (status != null && status >= 200 && status < 300) {
            return Verdict.of(Verdict.Kind.DELIVERED);
        }
        if (status != null && status == 410) {
            return Verdict.of(Verdict.Kind.GONE);
        }
        if (attempts >= maxAttempts) {
            return Verdict.of(Verdict.Kind.EXHAUSTED);
        }
        Duration delay = retryAfter.flatMap(value -> retryAfter(value, receivedAt)).map(this::capped).orElseGet(() -> backoff(attempts));
        return new Verdict(Verdict.Kind.RETRY, delay);
    }

    /** {@code initialBackoff × 2^(failures-1)}, capped at {@code maxBackoff}, spread by the jitter so failing endpoints do not retry in lockstep. */
    public Duration backoff(int failures) {
        long base = initialBackoff.toMillis() << Math.min(Math.max(failures, 1) - 1, 30);
        long capped = Math.min(base, maxBackoff.toMillis());
        double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(capped * spread)));
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date (RFC 9110 10.2.3); a time already past means now. */
    static Optional<Duration> retryAfter(String value, Instant receivedAt) {
        String trimmed = value.trim();
        if (trimmed.matches("[0-9]{1,18}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        try {
            Duration delay = Duration.between(receivedAt, ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private Duration capped(Duration delay) {
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
