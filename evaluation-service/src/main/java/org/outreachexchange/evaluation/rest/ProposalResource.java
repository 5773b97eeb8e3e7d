package org.outreachexchange.evaluation.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.edge.Pages;
import org.outreachexchange.edge.Params;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.evaluation.domain.Proposal;
import org.outreachexchange.evaluation.domain.ProposalKind;
import org.outreachexchange.evaluation.domain.ProposalRepository;
import org.outreachexchange.evaluation.domain.ProposalStatus;
import org.outreachexchange.evaluation.service.ProposalService;
import org.outreachexchange.evaluation.service.ResponseRequest;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Proposals", description = "Changes to the shared evaluation (partner assessments, criteria versions, completed"
        + " activities' findings) that take effect only when the other partners concur")
@SecurityRequirement(name = "agency")
public class ProposalResource {

    private final ProposalService proposals;
    private final CurrentAgency agency;

    ProposalResource(ProposalService proposals, CurrentAgency agency) {
        this.proposals = proposals;
        this.agency = agency;
    }

    @GET
    @Operation(summary = "Proposals, newest first, redacted where the caller is not entitled to a restricted activity's"
            + " detail; paged")
    @APIResponse(responseCode = "200", description = "A page of proposals; Link rel=\"next\" while more follow",
            headers = @Header(name = "Link", description = "<...>; rel=\"next\" while more follow"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ProposalView.class)))
    @APIResponse(responseCode = "400", description = "An unknown status, kind or awaiting value, a bad limit or cursor")
    public Response list(
            @Parameter(description = "OPEN, ADOPTED or DROPPED") @QueryParam("status") String status,
            @Parameter(description = "ASSESSMENT, CRITERIA, FINDINGS or ROLE_SHARING") @QueryParam("kind") String kind,
            @Parameter(description = "me: only open proposals the caller's government did not make and has not answered")
            @QueryParam("awaiting") String awaiting,
            @Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
            @Parameter(description = "the cursor of the previous page's Link rel=\"next\"") @QueryParam("after") String after,
            @Context UriInfo uri) {
        Optional<ProposalStatus> byStatus = Params.enumValue("status", status, ProposalStatus.class);
        Optional<ProposalKind> byKind = Params.enumValue("kind", kind, ProposalKind.class);
        Optional<String> awaitingGovernment = Optional.empty();
        if (awaiting != null && !awaiting.isBlank()) {
            if (!awaiting.equals("me")) {
                throw ProblemException.invalid("awaiting", "enum", "awaiting takes only the value me");
            }
            awaitingGovernment = Optional.of(agency.government());
        }
        int size = Pages.limit(limit);
        Optional<ProposalRepository.Position> before = Pages.after(after, 2,
                parts -> new ProposalRepository.Position(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1))));
        List<ProposalView> views = proposals.list(byStatus, byKind, awaitingGovernment, before, size + 1).stream()
                .map(this::view).toList();
        return Pages.page(views, size, v -> Pages.cursor(v.proposedAt().toString(), v.id().toString()), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One proposal, redacted where the caller is not entitled to a restricted activity's detail")
    @APIResponse(responseCode = "404", description = "No such proposal")
    public ProposalView get(@PathParam("id") String id) {
        return view(proposals.get(Params.id("proposal", id)));
    }

    @POST
    @Path("/{id}/concurrences")
    @Decides
    @Operation(summary = "Concur, as the caller's government; the concurrence that meets the adoption rule adopts the"
            + " proposal and re-evaluates in the same transaction")
    @APIResponse(responseCode = "200", description = "The proposal after the concurrence (OPEN, or ADOPTED)")
    @APIResponse(responseCode = "400", description = "A bad body, or control characters in the id")
    @APIResponse(responseCode = "403", description = "The caller's agency has neither the evaluator nor the coordinator role,"
            + " the caller's government made the proposal, or the body names another government")
    @APIResponse(responseCode = "404", description = "No such proposal (an id that is not a UUID too)")
    @APIResponse(responseCode = "409", description = "Already answered by this government, no longer open, or answered concurrently")
    public ProposalView concur(@PathParam("id") String id, ResponseRequest request) {
        return view(proposals.concur(Params.id("proposal", id), agency.identity(), request));
    }

    @POST
    @Path("/{id}/objections")
    @Decides
    @Operation(summary = "Object, as the caller's government; one objection drops the proposal")
    @APIResponse(responseCode = "200", description = "The dropped proposal")
    @APIResponse(responseCode = "400", description = "A bad body, or control characters in the id")
    @APIResponse(responseCode = "403", description = "The caller's agency has neither the evaluator nor the coordinator role,"
            + " the caller's government made the proposal, or the body names another government")
    @APIResponse(responseCode = "404", description = "No such proposal (an id that is not a UUID too)")
    @APIResponse(responseCode = "409", description = "Already answered by this government, no longer open, or answered concurrently")
    public ProposalView object(@PathParam("id") String id, ResponseRequest request) {
        return view(proposals.object(Params.id("proposal", id), agency.identity(), request));
    }

    private ProposalView view(Proposal proposal) {
        return ProposalView.of(proposal, agency.government(), proposals.awaiting(proposal));
    }
}
