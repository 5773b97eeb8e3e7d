package org.outreachexchange.evaluation.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.edge.Params;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.evaluation.domain.Proposal;
import org.outreachexchange.evaluation.domain.ProposalKind;
import org.outreachexchange.evaluation.domain.ProposalStatus;
import org.outreachexchange.evaluation.service.ProposalService;
import org.outreachexchange.evaluation.service.ResponseRequest;
import org.outreachexchange.identity.quarkus.CurrentAgency;

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
    @Operation(summary = "Proposals, newest first, redacted where the caller is not entitled to a restricted activity's detail")
    @APIResponse(responseCode = "200", description = "The proposals")
    @APIResponse(responseCode = "400", description = "An unknown status, kind or awaiting value")
    public List<ProposalView> list(
            @Parameter(description = "OPEN, ADOPTED or DROPPED") @QueryParam("status") String status,
            @Parameter(description = "ASSESSMENT, CRITERIA or FINDINGS") @QueryParam("kind") String kind,
            @Parameter(description = "me: only open proposals the caller's government did not make and has not answered")
            @QueryParam("awaiting") String awaiting) {
        Optional<ProposalStatus> byStatus = Params.enumValue("status", status, ProposalStatus.class);
        Optional<ProposalKind> byKind = Params.enumValue("kind", kind, ProposalKind.class);
        Optional<String> awaitingGovernment = Optional.empty();
        if (awaiting != null && !awaiting.isBlank()) {
            if (!awaiting.equals("me")) {
                throw ProblemException.invalid("awaiting", "enum", "awaiting takes only the value me");
            }
            awaitingGovernment = Optional.of(agency.government());
        }
        return proposals.list(byStatus, byKind, awaitingGovernment).stream().map(this::view).toList();
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
    @Operation(summary = "Concur, as the caller's government; the concurrence that meets the adoption rule adopts the"
            + " proposal and re-evaluates in the same transaction")
    @APIResponse(responseCode = "200", description = "The proposal after the concurrence (OPEN, or ADOPTED)")
    @APIResponse(responseCode = "400", description = "The id is not a UUID, or a bad body")
    @APIResponse(responseCode = "403", description = "The caller's government made the proposal, or the body names another government")
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "409", description = "Already answered by this government, no longer open, or answered concurrently")
    public ProposalView concur(@PathParam("id") String id, ResponseRequest request) {
        return view(proposals.concur(Params.id("proposal", id), agency.identity(), request));
    }

    @POST
    @Path("/{id}/objections")
    @Operation(summary = "Object, as the caller's government; one objection drops the proposal")
    @APIResponse(responseCode = "200", description = "The dropped proposal")
    @APIResponse(responseCode = "400", description = "The id is not a UUID, or a bad body")
    @APIResponse(responseCode = "403", description = "The caller's government made the proposal, or the body names another government")
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "409", description = "Already answered by this government, no longer open, or answered concurrently")
    public ProposalView object(@PathParam("id") String id, ResponseRequest request) {
        return view(proposals.object(Params.id("proposal", id), agency.identity(), request));
    }

    private ProposalView view(Proposal proposal) {
        return ProposalView.of(proposal, agency.government(), proposals.awaiting(proposal));
    }
}
