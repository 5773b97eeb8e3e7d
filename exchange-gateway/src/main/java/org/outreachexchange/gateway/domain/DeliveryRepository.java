package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /** Due deliveries that no earlier pending delivery of the same subscription and subject holds back. */
    public List<Delivery> due(Instant now, int limit) {
        return find("""
                from Delivery d where d.status = ?1 and d.nextAttemptAt <= ?2 and not exists (
                    select 1 from Delivery e where e.subscriptionId = d.subscriptionId and e.subject = d.subject
                    and e.status = ?1 and e.feedEntryId < d.feedEntryId)
                order by d.feedEntryId""", DeliveryStatus.PENDING, now).page(0, limit).list();
    }

    /** When the earliest pending delivery that is not yet due falls due. */
    public Optional<Instant> nextDueAfter(Instant now) {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select min(d.nextAttemptAt) from Delivery d where d.status = ?1 and d.nextAttemptAt > ?2", Instant.class)
                .setParameter(1, DeliveryStatus.PENDING).setParameter(2, now).getSingleResult());
    }

    public List<Delivery> ofSubscription(UUID subscriptionId, DeliveryStatus status) {
        return status == null
                ? list("subscriptionId = ?1 order by feedEntryId desc", subscriptionId)
                : list("subscriptionId = ?1 and status = ?2 order by feedEntryId desc", subscriptionId, status);
    }

    public List<Delivery> pendingOf(UUID subscriptionId) {
        return list("subscriptionId = ?1 and status = ?2", subscriptionId, DeliveryStatus.PENDING);
    }
}
