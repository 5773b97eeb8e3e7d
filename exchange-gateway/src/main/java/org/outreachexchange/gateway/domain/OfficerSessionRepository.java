package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class OfficerSessionRepository implements PanacheRepositoryBase<OfficerSession, String> {

    public long deleteExpired(Instant now) {
        return delete("expiresAt <= ?1", now);
    }
}
