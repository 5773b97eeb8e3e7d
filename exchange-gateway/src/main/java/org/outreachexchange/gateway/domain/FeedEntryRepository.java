package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FeedEntryRepository implements PanacheRepositoryBase<FeedEntry, Long> {

    /**
     * Up to {@code limit} entries of the subscription's stream after the entry {@code lastId} (0: from the start).
     * <p>
     * Ids come from a sequence when a row is inserted, but transactions commit in their own order, so an entry can
     * become visible after one with a higher id was already streamed; a cursor on the id alone would pass it over. So
     * only entries of transactions that have ended for every snapshot are read (the inserting transaction's id below
     * the current snapshot's xmin), in the order of their transaction ids, then ids. Any entry that becomes visible
     * later belongs to a transaction that was still running, or not yet begun, when this snapshot was taken: its
     * transaction id is at least this snapshot's xmin, above every entry read here, so it comes after the cursor.
     */
    @SuppressWarnings("unchecked")
    public List<FeedEntry> streamAfter(UUID subscriptionId, long lastId, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT f.id, f.subscription_id, f.event_id, f.event_type, f.subject, f.payload, f.created_at
                        FROM feed_entry f
                        WHERE f.subscription_id = ?1 AND f.xid < pg_snapshot_xmin(pg_current_snapshot())
                        AND (?2 = 0 OR (f.xid, f.id) > (SELECT c.xid, c.id FROM feed_entry c WHERE c.id = ?2))
                        ORDER BY f.xid, f.id LIMIT ?3""", FeedEntry.class)
                .setParameter(1, subscriptionId).setParameter(2, lastId).setParameter(3, limit).getResultList();
    }

    /** Whether {@code id} names an entry of the subscription's stream, so a stream may resume after it. */
    public boolean inStream(UUID subscriptionId, long id) {
        return count("id = ?1 and subscriptionId = ?2", id, subscriptionId) > 0;
    }
}
