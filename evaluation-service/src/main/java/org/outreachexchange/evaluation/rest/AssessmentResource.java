package org.outreachexchange.evaluation.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.evaluation.domain.Proposal;
import org.outreachexchange.evaluation.service.ProposalRequest;
import org.outreachexchange.evaluation.service.ProposalService;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.net.URI;

/** Opens partner assessments; they are read and answered under {@code /proposals} like every other proposal. */
@Path("/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Proposals")
@SecurityRequirement(name = "agency")
public class AssessmentResource {

    private final ProposalService proposals;
    private final CurrentAgency agency;

    AssessmentResource(ProposalService proposals, CurrentAgency agency) {
        this.proposals = proposals;
        this.agency = agency;
    }

    @POST
    @Decides
    @Operation(summary = "Propose a change to a country's elements and/or factor scores, as the caller's government;"
            + " nothing changes until the other partners concur")
    @APIResponse(responseCode = "201", description = "The open ASSESSMENT proposal; Location: /proposals/{id}")
    @APIResponse(responseCode = "400", description = "Invalid proposal")
    @APIResponse(responseCode = "403", description = "The caller's agency has neither the evaluator nor the coordinator role,"
            + " or the body names another government")
    @APIResponse(responseCode = "429", description = "The caller's government has as many open assessment and criteria"
            + " proposals as it may (outreach.evaluation.proposals.max-open-per-government)")
    public Response propose(ProposalRequest request) {
        Proposal proposal = proposals.proposeAssessment(agency.identity(), request);
        return Response.created(URI.create("/proposals/" + proposal.id))
                .entity(ProposalView.of(proposal, agency.government(), proposals.awaiting(proposal))).build();
    }
}
