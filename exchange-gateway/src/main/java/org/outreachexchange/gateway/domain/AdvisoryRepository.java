package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class AdvisoryRepository implements PanacheRepositoryBase<Advisory, UUID> {

    /** Well under PostgreSQL's 32,767 parameters per statement; a re-evaluation may check a country's whole schedule. */
    private static final int KEYS_PER_QUERY = 1000;

    /** Of {@code dedupKeys}, those an advisory holds already: one query per thousand keys. */
    public Set<String> existing(Collection<String> dedupKeys) {
        Set<String> existing = new HashSet<>();
        List<String> keys = List.copyOf(dedupKeys);
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            existing.addAll(getEntityManager().createQuery("select dedupKey from Advisory where dedupKey in :keys", String.class)
                    .setParameter("keys", keys.subList(from, Math.min(from + KEYS_PER_QUERY, keys.size()))).getResultList());
        }
        return existing;
    }

    /** Up to {@code limit} advisories to {@code government} after {@code position}, by creation then id. */
    public List<Advisory> page(String government, Optional<Keyset.ByTime> position, int limit) {
        return position.map(p -> find("government = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) order by createdAt, id",
                        government, p.at(), p.id()))
                .orElseGet(() -> find("government = ?1 order by createdAt, id", government))
                .page(0, limit).list();
    }
}
