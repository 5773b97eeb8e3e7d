package org.outreachexchange.scheduling.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Idempotency-Keys of creating requests, per government, kept in the same database as the activities. */
@ApplicationScoped
public class IdempotencyKeys {

    private final EntityManager entityManager;

    IdempotencyKeys(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Claims the key for a new activity. A concurrent claim of the same key waits for the first transaction, so
     * exactly one request wins; false means the key was already taken and {@link #find} tells by which request.
     */
    public boolean claim(String government, String key, String requestHash, UUID activityId, Instant now) {
        return entityManager.createNativeQuery("INSERT INTO idempotency_key"
                        + " (government, idempotency_key, request_hash, activity_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, government)
                .setParameter(2, key)
                .setParameter(3, requestHash)
                .setParameter(4, activityId)
                .setParameter(5, now)
                .executeUpdate() == 1;
    }

    public Optional<Claim> find(String government, String key) {
        List<?> rows = entityManager.createNativeQuery("SELECT request_hash, activity_id FROM idempotency_key"
                        + " WHERE government = ?1 AND idempotency_key = ?2")
                .setParameter(1, government)
                .setParameter(2, key)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new Claim(columns[0].toString(), (UUID) columns[1]);
        });
    }

    public record Claim(String requestHash, UUID activityId) {
    }
}
