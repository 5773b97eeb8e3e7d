package org.outreachexchange.gateway.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.edge.Params;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.service.ScheduleService;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.time.LocalDate;
import java.util.Optional;

@Path("/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance", description = "Advance-notice compliance per government and period")
public class ComplianceResource {

    private final ScheduleService schedule;
    private final CurrentAgency agency;

    ComplianceResource(ScheduleService schedule, CurrentAgency agency) {
        this.schedule = schedule;
        this.agency = agency;
    }

    @GET
    @Operation(summary = "Notice outcomes of a government's activities starting in the period (those shared with the caller)")
    public Views.ComplianceReportView report(@QueryParam("government") String government, @QueryParam("from") String from,
                                             @QueryParam("to") String to) {
        String organizer = Params.code("government", government, "[A-Z]{2,3}", "JP")
                .orElseThrow(() -> ProblemException.invalid("government", "required", "is required"));
        LocalDate fromDate = Params.requiredDate("from", from);
        LocalDate toDate = Params.requiredDate("to", to);
        Params.period(Optional.of(fromDate), Optional.of(toDate));
        return Views.ComplianceReportView.of(schedule.compliance(agency.government(), organizer, fromDate, toDate));
    }
}
