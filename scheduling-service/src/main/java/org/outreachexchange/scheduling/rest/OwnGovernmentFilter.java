package org.outreachexchange.scheduling.rest;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.outreachexchange.identity.quarkus.CurrentAgency;
import org.outreachexchange.identity.quarkus.PublicEndpoint;
import org.outreachexchange.scheduling.config.SchedulingConfig;

/** Only the served government's agencies use this deployment; a filter so that no new endpoint can forget it. */
public class OwnGovernmentFilter {

    private final CurrentAgency agency;
    private final SchedulingConfig config;

    OwnGovernmentFilter(CurrentAgency agency, SchedulingConfig config) {
        this.agency = agency;
        this.config = config;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void requireOwnGovernment(ResourceInfo resource) {
        if (resource.getResourceMethod() == null
                || resource.getResourceMethod().isAnnotationPresent(PublicEndpoint.class)
                || resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class)) {
            return;
        }
        agency.requireGovernment(config.government());
    }
}
