package org.outreachexchange.identity.quarkus;

import jakarta.enterprise.context.RequestScoped;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.Role;

/** The verified caller of the current request. */
@RequestScoped
public class CurrentAgency {

    private AgencyIdentity identity;

    void set(AgencyIdentity identity) {
        this.identity = identity;
    }

    public AgencyIdentity identity() {
        if (identity == null) {
            throw new AgencyAuthenticationException("an agency bearer token is required");
        }
        return identity;
    }

    public String government() {
        return identity().government();
    }

    /** Refuses an agency without {@code role} (403). */
    public void requireRole(Role role) {
        if (!identity().has(role)) {
            throw new AgencyForbiddenException("agency " + identity().agency() + " of " + government() + " does not have the "
                    + role.claim() + " role");
        }
    }

    /** Refuses callers from any other government. */
    public void requireGovernment(String government) {
        if (!government().equals(government)) {
            throw new AgencyForbiddenException("agencies of " + government() + " may not act for " + government);
        }
    }
}
