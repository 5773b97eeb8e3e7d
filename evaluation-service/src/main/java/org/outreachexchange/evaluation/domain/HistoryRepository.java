package org.outreachexchange.evaluation.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {

    public List<HistoryEntry> ofCountry(String country) {
        return list("country = ?1 order by evaluationVersion", country);
    }

    /** The entry in effect at {@code at}: the latest that took effect before it. */
    public Optional<HistoryEntry> inEffect(String country, Instant at) {
        return find("country = ?1 and effectiveAt < ?2 order by effectiveAt desc, evaluationVersion desc", country, at)
                .firstResultOptional();
    }
}
