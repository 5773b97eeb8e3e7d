package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /**
     * Due deliveries that no earlier pending delivery of the same subscription and subject holds back, leaving out
     * those that may not be started now: deliveries still in a slot, and those of subscriptions or governments that
     * hold every slot they may (so their backlog cannot fill the batch and hide other partners' deliveries).
     */
    public List<Delivery> due(Instant now, int limit, Set<UUID> inFlight, Set<UUID> fullSubscriptions, Set<String> fullGovernments) {
        StringBuilder query = new StringBuilder("""
                from Delivery d where d.status = :pending and d.nextAttemptAt <= :now and not exists (
                    select 1 from Delivery e where e.subscriptionId = d.subscriptionId and e.subject = d.subject
                    and e.status = :pending and e.feedEntryId < d.feedEntryId)""");
        Parameters parameters = Parameters.with("pending", DeliveryStatus.PENDING).and("now", now);
        if (!inFlight.isEmpty()) {
            query.append(" and d.id not in :inFlight");
            parameters.and("inFlight", inFlight);
        }
        if (!fullSubscriptions.isEmpty()) {
            query.append(" and d.subscriptionId not in :fullSubscriptions");
            parameters.and("fullSubscriptions", fullSubscriptions);
        }
        if (!fullGovernments.isEmpty()) {
            query.append(" and not exists (select 1 from Subscription s where s.id = d.subscriptionId and s.government in :fullGovernments)");
            parameters.and("fullGovernments", fullGovernments);
        }
        return find(query.append(" order by d.feedEntryId").toString(), parameters).page(0, limit).list();
    }

    /** When the earliest pending delivery that is not yet due falls due. */
    public Optional<Instant> nextDueAfter(Instant now) {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select min(d.nextAttemptAt) from Delivery d where d.status = ?1 and d.nextAttemptAt > ?2", Instant.class)
                .setParameter(1, DeliveryStatus.PENDING).setParameter(2, now).getSingleResult());
    }

    /** A delivery with the type of the event it carries. */
    public record Logged(Delivery delivery, String eventType) {
    }

    /**
     * Up to {@code limit} of the subscription's deliveries (only those in {@code status}, if given), newest first, each
     * with its event's type, before the delivery of feed entry {@code beforeEntry}: one delivery per feed entry, so
     * the entry id is the page position.
     */
    public List<Logged> page(UUID subscriptionId, Optional<DeliveryStatus> status, Optional<Long> beforeEntry, int limit) {
        StringBuilder query = new StringBuilder("""
                select d, f.eventType from Delivery d join FeedEntry f on f.id = d.feedEntryId
                where d.subscriptionId = :subscription""");
        Map<String, Object> parameters = new HashMap<>(Map.of("subscription", subscriptionId));
        status.ifPresent(s -> {
            query.append(" and d.status = :status");
            parameters.put("status", s);
        });
        beforeEntry.ifPresent(b -> {
            query.append(" and d.feedEntryId < :before");
            parameters.put("before", b);
        });
        var read = getEntityManager().createQuery(query + " order by d.feedEntryId desc", Object[].class).setMaxResults(limit);
        parameters.forEach(read::setParameter);
        return read.getResultList().stream().map(row -> new Logged((Delivery) row[0], (String) row[1])).toList();
    }

    public List<Delivery> pendingOf(UUID subscriptionId) {
        return list("subscriptionId = ?1 and status = ?2", subscriptionId, DeliveryStatus.PENDING);
    }
}
