package org.outreachexchange.scheduling.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.outreachexchange.identity.quarkus.CurrentAgency;
import org.outreachexchange.scheduling.config.SchedulingConfig;

import java.util.List;

@Path("/activities")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    private final CurrentAgency agency;
    private final SchedulingConfig config;

    ActivityResource(CurrentAgency agency, SchedulingConfig config) {
        this.agency = agency;
        this.config = config;
    }

    @GET
    public List<String> list() {
        agency.requireGovernment(config.government());
        return List.of();
    }
}
