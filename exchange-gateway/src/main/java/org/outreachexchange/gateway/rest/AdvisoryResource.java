package org.outreachexchange.gateway.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.gateway.service.ScheduleService;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.util.List;

@Path("/advisories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Advisories", description = "Coordination advisories (overlaps, role alignment); advice, never blocks")
public class AdvisoryResource {

    private final ScheduleService schedule;
    private final CurrentAgency agency;

    AdvisoryResource(ScheduleService schedule, CurrentAgency agency) {
        this.schedule = schedule;
        this.agency = agency;
    }

    @GET
    @Operation(summary = "The advisories addressed to the caller's government about its own activities")
    public List<Views.AdvisoryView> list() {
        return schedule.advisories(agency.government()).stream().map(Views.AdvisoryView::of).toList();
    }
}
