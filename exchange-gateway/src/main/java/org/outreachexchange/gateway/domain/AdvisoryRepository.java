package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AdvisoryRepository implements PanacheRepositoryBase<Advisory, UUID> {

    public boolean exists(String dedupKey) {
        return count("dedupKey", dedupKey) > 0;
    }

    /** Up to {@code limit} advisories to {@code government} after {@code position}, by creation then id. */
    public List<Advisory> page(String government, Optional<Keyset.ByTime> position, int limit) {
        return position.map(p -> find("government = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) order by createdAt, id",
                        government, p.at(), p.id()))
                .orElseGet(() -> find("government = ?1 order by createdAt, id", government))
                .page(0, limit).list();
    }
}
