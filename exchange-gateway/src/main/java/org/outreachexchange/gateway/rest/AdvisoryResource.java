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

import java.util.Optional;

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
    @Operation(summary = "The advisories addressed to the caller's government about its own activities, oldest first, "
            + "paged with limit and after; Link rel=next names the next page")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Views.AdvisoryView.class)))
    public Response list(@Parameter(description = "Items per page, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
                         @Parameter(description = "The cursor from the previous page's Link") @QueryParam("after") String after,
                         @Context UriInfo uri) {
        Params.All params = new Params.All();
        int size = params.take(() -> Optional.of(Pages.limit(limit))).orElse(Pages.DEFAULT_LIMIT);
        Optional<Keyset.ByTime> position = params.take(() -> Cursors.byTime(after));
        params.requireNone();
        return Cursors.page(schedule.advisories(agency.government(), position, size + 1), size,
                a -> Cursors.of(new Keyset.ByTime(a.createdAt, a.id)), Views.AdvisoryView::of, uri);
    }
}
