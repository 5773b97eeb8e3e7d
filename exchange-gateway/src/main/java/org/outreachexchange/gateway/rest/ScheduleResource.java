package org.outreachexchange.gateway.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.edge.Pages;
import org.outreachexchange.edge.Params;
import org.outreachexchange.gateway.domain.Keyset;
import org.outreachexchange.gateway.service.ScheduleService;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.time.LocalDate;
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
            + "each with its notice status, by first day (undated last) then id, paged with limit and after; "
            + "Link rel=next names the next page")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Views.ScheduleEntry.class)))
    public Response list(
            @Parameter(description = "Organizing government, e.g. JP") @QueryParam("government") String government,
            @Parameter(description = "Recipient country (ISO 3166-1 alpha-2)") @QueryParam("recipient") String recipient,
            @Parameter(description = "Period start (ISO date)") @QueryParam("from") String from,
            @Parameter(description = "Period end (ISO date)") @QueryParam("to") String to,
            @Parameter(description = "PENDING, COMPLIANT, LATE, INCOMPLETE or SHORT_NOTICE_CHANGE") @QueryParam("compliance") String compliance,
            @Parameter(description = "Items per page, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
            @Parameter(description = "The cursor from the previous page's Link") @QueryParam("after") String after,
            @Context UriInfo uri) {
        Params.All params = new Params.All();
        Optional<LocalDate> fromDate = params.take(() -> Params.date("from", from));
        Optional<LocalDate> toDate = params.take(() -> Params.date("to", to));
        params.take(() -> {
            Params.period(fromDate, toDate);
            return Optional.empty();
        });
        ScheduleService.Query query = new ScheduleService.Query(
                params.take(() -> Params.code("government", government, "[A-Z]{2,3}", "JP")).orElse(null),
                params.take(() -> Params.code("recipient", recipient, "[A-Z]{2}", "MY")).orElse(null),
                fromDate.orElse(null), toDate.orElse(null),
                params.take(() -> Params.enumValue("compliance", compliance, ScheduleService.Compliance.class)).orElse(null));
        int size = params.take(() -> Optional.of(Pages.limit(limit))).orElse(Pages.DEFAULT_LIMIT);
        Keyset.ByDate position = params.take(() -> Cursors.byDate(after)).orElse(Keyset.ByDate.START);
        params.requireNone();
        return Cursors.page(schedule.schedule(agency.government(), query, position, size + 1), size,
                e -> Cursors.of(Keyset.ByDate.of(e.activity())),
                e -> new Views.ScheduleEntry(Views.tree(json, e.activity().snapshot), Views.NoticeStatus.of(e.activity(), e.withheld())), uri);
    }
}
