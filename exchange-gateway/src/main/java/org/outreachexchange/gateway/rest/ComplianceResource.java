package org.outreachexchange.gateway.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.edge.Pages;
import org.outreachexchange.edge.Params;
import org.outreachexchange.gateway.domain.Keyset;
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
    @Operation(summary = "Notice outcomes of a government's activities starting in the period (those shared with the caller): "
            + "the counts cover them all, items are paged with limit and after (by first day, then id); Link rel=next "
            + "names the next page of items")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Views.ComplianceReportView.class)))
    public Response report(@QueryParam("government") String government, @QueryParam("from") String from,
                           @QueryParam("to") String to,
                           @Parameter(description = "Items per page, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
                           @Parameter(description = "The cursor from the previous page's Link") @QueryParam("after") String after,
                           @Context UriInfo uri) {
        Params.All params = new Params.All();
        Optional<String> organizer = params.take(() -> Params.code("government", government, "[A-Z]{2,3}", "JP"));
        if (organizer.isEmpty() && (government == null || government.isBlank())) {
            params.add(new FieldError("government", "required", "is required"));
        }
        Optional<LocalDate> fromDate = params.take(() -> Optional.of(Params.requiredDate("from", from)));
        Optional<LocalDate> toDate = params.take(() -> Optional.of(Params.requiredDate("to", to)));
        params.take(() -> {
            Params.period(fromDate, toDate);
            return Optional.empty();
        });
        int size = params.take(() -> Optional.of(Pages.limit(limit))).orElse(Pages.DEFAULT_LIMIT);
        Keyset.ByDate position = params.take(() -> Cursors.byDate(after)).orElse(Keyset.ByDate.START);
        params.requireNone();
        ScheduleService.ComplianceReport report = schedule.compliance(agency.government(), organizer.get(), fromDate.get(),
                toDate.get(), position, size + 1);
        Response.ResponseBuilder answer = Response.ok(Views.ComplianceReportView.of(report, size));
        if (report.items().size() > size) {
            String next = uri.getRequestUriBuilder()
                    .replaceQueryParam("after", Cursors.of(Keyset.ByDate.of(report.items().get(size - 1))))
                    .replaceQueryParam("limit", size).build().toString();
            answer.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return answer.build();
    }
}
