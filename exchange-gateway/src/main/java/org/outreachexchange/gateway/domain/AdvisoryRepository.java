package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AdvisoryRepository implements PanacheRepositoryBase<Advisory, UUID> {

    public boolean exists(String dedupKey) {
        return count("dedupKey", dedupKey) > 0;
    }

    public List<Advisory> forGovernment(String government) {
        return list("government = ?1 order by createdAt, id", government);
    }
}
