package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
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
     * Due deliveries that no earlier pending delivery of the same subscription and subject holds back and that no
     * replica holds (unleased, or its lease run out: that replica was killed or stalled), locked until the transaction
     * ends, in feed order; rows another replica is locking at this moment are skipped, not waited for. Left out are
     * deliveries still in one of this replica's slots, and those of subscriptions or governments that hold every slot
     * they may (so their backlog cannot fill the batch and hide other partners' deliveries). Lease times are the
     * database's clock, which every replica shares.
     */
    @SuppressWarnings("unchecked")
    public List<Delivery> lockDue(Instant now, int limit, Set<UUID> inFlight, Set<UUID> fullSubscriptions, Set<String> fullGovernments) {
        StringBuilder due = new StringBuilder("""
                SELECT d.* FROM delivery d WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                AND (d.lease_until IS NULL OR d.lease_until <= clock_timestamp())
                AND NOT EXISTS (SELECT 1 FROM delivery e WHERE e.subscription_id = d.subscription_id AND e.subject = d.subject
                    AND e.status = 'PENDING' AND e.feed_entry_id < d.feed_entry_id)""");
        Map<String, Object> parameters = new HashMap<>(Map.of("now", now, "limit", limit));
        if (!inFlight.isEmpty()) {
            due.append(" AND d.id NOT IN (:inFlight)");
            parameters.put("inFlight", inFlight);
        }
        if (!fullSubscriptions.isEmpty()) {
            due.append(" AND d.subscription_id NOT IN (:fullSubscriptions)");
            parameters.put("fullSubscriptions", fullSubscriptions);
        }
        if (!fullGovernments.isEmpty()) {
            due.append(" AND NOT EXISTS (SELECT 1 FROM subscription s WHERE s.id = d.subscription_id AND s.government IN (:fullGovernments))");
            parameters.put("fullGovernments", fullGovernments);
        }
        var query = getEntityManager().createNativeQuery(
                due.append(" ORDER BY d.feed_entry_id LIMIT :limit FOR UPDATE OF d SKIP LOCKED").toString(), Delivery.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** Leases the deliveries to {@code replica} for {@code lease} from now on the database's clock. */
    public void lease(List<UUID> ids, Duration lease, String replica) {
        if (ids.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery("""
                        UPDATE delivery SET lease_until = clock_timestamp() + make_interval(secs => :lease), leased_by = :replica
                        WHERE id IN (:ids)""")
                .setParameter("lease", lease.toMillis() / 1000.0).setParameter("replica", replica).setParameter("ids", ids)
                .executeUpdate();
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
