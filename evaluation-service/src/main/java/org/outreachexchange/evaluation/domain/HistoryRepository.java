package org.outreachexchange.evaluation.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {

    /**
     * Up to {@code count} entries of a country after {@code afterVersion}, oldest first. Versions are given under the
     * re-evaluation lock, so a version never commits after a higher one: a walk by version misses none.
     */
    public List<HistoryEntry> ofCountry(String country, int afterVersion, int count) {
        return find("country = ?1 and evaluationVersion > ?2 order by evaluationVersion", country, afterVersion)
                .range(0, count - 1).list();
    }

    /** The entry in effect at {@code at}: the latest that took effect before it. */
    public Optional<HistoryEntry> inEffect(String country, Instant at) {
        return find("country = ?1 and effectiveAt < ?2 order by effectiveAt desc, evaluationVersion desc", country, at)
                .firstResultOptional();
    }
}
