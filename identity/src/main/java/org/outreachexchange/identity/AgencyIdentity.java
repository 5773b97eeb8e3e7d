package org.outreachexchange.identity;

import java.time.Instant;
import java.util.Set;

/**
 * Who is calling: an agency of one government, with its roles. {@code government} is the code whose key signed the
 * token, so it cannot be claimed by anyone holding another government's key. Every agency is a {@link Role#READER}.
 */
public record AgencyIdentity(String government, String agency, String subject, Instant expiresAt, Set<Role> roles) {

    public AgencyIdentity {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return role == Role.READER || roles.contains(role);
    }
}
