package org.outreachexchange.evaluation.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.edge.Params;
import org.outreachexchange.evaluation.service.Coverage;
import org.outreachexchange.evaluation.service.CoverageService;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.time.LocalDate;
import java.util.Optional;

@Path("/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage", description = "What the evaluations recommend against what partners have planned")
@SecurityRequirement(name = "agency")
public class CoverageResource {

    private final CoverageService coverage;
    private final CurrentAgency agency;

    CoverageResource(CoverageService coverage, CurrentAgency agency) {
        this.coverage = coverage;
        this.agency = agency;
    }

    @GET
    @Operation(summary = "High-risk countries with no planned activity, and recommended tools no partner has planned, in a"
            + " period, counting only the activities shared with the caller's government")
    @APIResponse(responseCode = "400", description = "A missing or malformed date, one before 1900 or after 9999, or a period"
            + " that ends before it starts")
    public Coverage coverage(@Parameter(description = "first day, e.g. 2008-01-01", required = true) @QueryParam("from") String from,
                             @Parameter(description = "last day, e.g. 2008-12-31", required = true) @QueryParam("to") String to) {
        LocalDate start = QueryDates.requiredDate("from", from);
        LocalDate end = QueryDates.requiredDate("to", to);
        Params.period(Optional.of(start), Optional.of(end));
        return coverage.coverage(start, end, agency.government());
    }
}
