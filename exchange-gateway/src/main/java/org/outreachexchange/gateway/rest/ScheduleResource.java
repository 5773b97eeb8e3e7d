package org.outreachexchange.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.edge.Params;
import org.outreachexchange.gateway.service.ScheduleService;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@Path("/schedule")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schedule", description = "The partners' shared outreach schedule")
public class ScheduleResource {

    private final ScheduleService schedule;
    private final CurrentAgency agency;
    private final ObjectMapper json;

    ScheduleResource(ScheduleService schedule, CurrentAgency agency, ObjectMapper json) {
        this.schedule = schedule;
        this.agency = agency;
        this.json = json;
    }

    @GET
    @Operation(summary = "Activities shared with the caller's government (its own always; others' per distribution), "
            + "each with its notice status")
    public List<Views.ScheduleEntry> list(
            @Parameter(description = "Organizing government, e.g. JP") @QueryParam("government") String government,
            @Parameter(description = "Recipient country (ISO 3166-1 alpha-2)") @QueryParam("recipient") String recipient,
            @Parameter(description = "Period start (ISO date)") @QueryParam("from") String from,
            @Parameter(description = "Period end (ISO date)") @QueryParam("to") String to,
            @Parameter(description = "PENDING, COMPLIANT, LATE, INCOMPLETE or SHORT_NOTICE_CHANGE") @QueryParam("compliance") String compliance) {
        Optional<LocalDate> fromDate = Params.date("from", from);
        Optional<LocalDate> toDate = Params.date("to", to);
        Params.period(fromDate, toDate);
        ScheduleService.Query query = new ScheduleService.Query(
                Params.code("government", government, "[A-Z]{2,3}", "JP").orElse(null),
                Params.code("recipient", recipient, "[A-Z]{2}", "MY").orElse(null),
                fromDate.orElse(null), toDate.orElse(null),
                Params.enumValue("compliance", compliance, ScheduleService.Compliance.class).orElse(null));
        String caller = agency.government();
        return schedule.schedule(caller, query).stream()
                .map(e -> new Views.ScheduleEntry(Views.tree(json, e.activity().snapshot), Views.NoticeStatus.of(e.activity(), e.withheld())))
                .toList();
    }
}
