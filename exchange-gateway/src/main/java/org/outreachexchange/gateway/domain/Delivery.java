package org.outreachexchange.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook delivery of one feed entry; its id is the webhook-id on every attempt. Its state changes only through the
 * transitions below, each refusing to start from the wrong state; while an attempt is in flight, the replica that
 * started it holds a lease on it:
 * <pre>
 *   queue ─► PENDING ─ attempted ─┬─ delivered ─────────► DELIVERED
 *              ▲                  ├─ retryAt ─► PENDING (next attempt later)
 *              │                  ├─ exhausted ─────────► DEAD
 *              │                  └─ gone (410) ────────► DEAD, subscription disabled
 *              │       PENDING ─ abandon (not sent) ────► DEAD
 *              └──────────────── replay ◄──────────────── DEAD
 * </pre>
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    private static final String GONE = "410 Gone: subscription disabled";

    @Id
    public UUID id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "feed_entry_id")
    public long feedEntryId;
    public String subject;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    /** Until when a replica holds it as in flight (the database's clock); set by {@link DeliveryRepository#lease}. */
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "leased_by")
    public String leasedBy;

    /** Due at once; {@code id} is the webhook-id the subscriber will see on every attempt. */
    public static Delivery queue(UUID id, UUID subscriptionId, long feedEntryId, String subject, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = id;
        delivery.subscriptionId = subscriptionId;
        delivery.feedEntryId = feedEntryId;
        delivery.subject = subject;
        delivery.status = DeliveryStatus.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery;
    }

    public boolean pending() {
        return status == DeliveryStatus.PENDING;
    }

    /** Counts an attempt and what it got (a status, or the error when no answer came); returns its line of the log. */
    public DeliveryAttempt attempted(Integer statusCode, String error, Instant at, long durationMs) {
        require(DeliveryStatus.PENDING, "attempted");
        attempts++;
        lastStatusCode = statusCode;
        lastError = error;
        return DeliveryAttempt.of(id, attempts, at, statusCode, error, durationMs);
    }

    public void delivered(Instant now) {
        requireAttempted("delivered");
        status = DeliveryStatus.DELIVERED;
        finishedAt = now;
    }

    public void retryAt(Instant next) {
        requireAttempted("retried");
        nextAttemptAt = next;
    }

    /** Its attempts are used up: a dead letter, which its subscriber may replay. */
    public void exhausted(Instant now) {
        requireAttempted("exhausted");
        status = DeliveryStatus.DEAD;
        finishedAt = now;
    }

    /** The endpoint answered 410 Gone: it wants nothing more, so its subscription stops and this is a dead letter. */
    public void gone(Subscription subscription, Instant now) {
        requireAttempted("gone");
        if (!subscription.id.equals(subscriptionId)) {
            throw new IllegalArgumentException("delivery " + id + " is not of subscription " + subscription.id);
        }
        subscription.disable("endpoint answered 410 Gone at " + now);
        status = DeliveryStatus.DEAD;
        lastError = GONE;
        finishedAt = now;
    }

    /** Not sent at all, and never will be as things stand (e.g. its subscription was disabled): a dead letter. */
    public void abandon(String reason, Instant now) {
        require(DeliveryStatus.PENDING, "abandoned");
        status = DeliveryStatus.DEAD;
        lastError = reason;
        finishedAt = now;
    }

    /** Its attempt's outcome is recorded: any replica may read it as due again when it next falls due. */
    public void released() {
        leaseUntil = null;
        leasedBy = null;
    }

    /** A dead letter sent again, with the same webhook-id and a fresh count of attempts. */
    public void replay(Instant now) {
        require(DeliveryStatus.DEAD, "replayed");
        status = DeliveryStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        finishedAt = null;
    }

    private void requireAttempted(String transition) {
        require(DeliveryStatus.PENDING, transition);
        if (attempts == 0) {
            throw new IllegalStateException("delivery " + id + " cannot be " + transition + " before an attempt");
        }
    }

    private void require(DeliveryStatus expected, String transition) {
        if (status != expected) {
            throw new IllegalStateException("delivery " + id + " is " + status + " and cannot be " + transition);
        }
    }
}
