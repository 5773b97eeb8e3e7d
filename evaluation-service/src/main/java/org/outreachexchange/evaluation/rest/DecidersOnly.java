package org.outreachexchange.evaluation.rest;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.outreachexchange.evaluation.service.Mandate;
import org.outreachexchange.identity.quarkus.CurrentAgency;

/**
 * Refuses a {@link Decides} operation to an agency without a deciding role (403) before its body is read, so a
 * malformed or oversized body from such a caller is not judged at all. The services check the same rule again for
 * any other caller of theirs.
 */
public class DecidersOnly {

    private final CurrentAgency agency;

    DecidersOnly(CurrentAgency agency) {
        this.agency = agency;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void refuseOthers(ResourceInfo resource) {
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(Decides.class)) {
            Mandate.requireDecider(agency.identity());
        }
    }
}
