package org.outreachexchange.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One HTTP call of a delivery: the delivery log. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "delivery_id")
    public UUID deliveryId;
    public int attempt;
    @Column(name = "attempted_at")
    public Instant attemptedAt;
    @Column(name = "status_code")
    public Integer statusCode;
    public String error;
    @Column(name = "duration_ms")
    public long durationMs;

    static DeliveryAttempt of(UUID deliveryId, int attempt, Instant at, Integer statusCode, String error, long durationMs) {
        DeliveryAttempt logged = new DeliveryAttempt();
        logged.deliveryId = deliveryId;
        logged.attempt = attempt;
        logged.attemptedAt = at;
        logged.statusCode = statusCode;
        logged.error = error;
        logged.durationMs = durationMs;
        return logged;
    }
}
