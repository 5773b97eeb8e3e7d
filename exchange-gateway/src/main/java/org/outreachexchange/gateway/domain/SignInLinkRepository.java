package org.outreachexchange.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class SignInLinkRepository implements PanacheRepositoryBase<SignInLink, String> {

    /** The link, locked until the transaction ends, so two openings of one link cannot both use it. */
    public Optional<SignInLink> lockByHash(String codeHash) {
        return findByIdOptional(codeHash, LockModeType.PESSIMISTIC_WRITE);
    }

    public long deleteExpired(Instant now) {
        return delete("expiresAt <= ?1", now);
    }
}
