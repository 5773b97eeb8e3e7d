package org.outreachexchange.evaluation.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.evaluation.domain.AssessmentProposal;
import org.outreachexchange.evaluation.service.AssessmentService;
import org.outreachexchange.evaluation.service.ProblemException;
import org.outreachexchange.evaluation.service.ProposalRequest;
import org.outreachexchange.evaluation.service.ResponseRequest;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments", description = "Partner proposals to change an evaluation, with concurrences and objections")
@SecurityRequirement(name = "agency")
public class AssessmentResource {

    private final AssessmentService assessments;
    private final CurrentAgency agency;

    AssessmentResource(AssessmentService assessments, CurrentAgency agency) {
        this.assessments = assessments;
        this.agency = agency;
    }

    @POST
    @Operation(summary = "Propose a change to a country's elements and/or factor scores, as the caller's government")
    @APIResponse(responseCode = "201", description = "The open proposal")
    @APIResponse(responseCode = "400", description = "Invalid proposal")
    @APIResponse(responseCode = "403", description = "The body names another government")
    public Response propose(@NotNull @Valid ProposalRequest request) {
        AssessmentProposal proposal = assessments.propose(agency.identity(), request);
        return Response.created(URI.create("/assessments/" + proposal.id)).entity(ProposalView.of(proposal)).build();
    }

    @GET
    @Operation(summary = "All proposals with their concurrences and objections, newest first")
    public List<ProposalView> list() {
        return assessments.list().stream().map(ProposalView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One proposal")
    @APIResponse(responseCode = "404", description = "No such proposal")
    public ProposalView get(@PathParam("id") String id) {
        UUID proposal = Params.id(id);
        return assessments.find(proposal).map(ProposalView::of)
                .orElseThrow(() -> ProblemException.notFound("no assessment proposal " + proposal));
    }

    @POST
    @Path("/{id}/concurrences")
    @Operation(summary = "Concur, as the caller's government; the last required concurrence adopts the proposal")
    @APIResponse(responseCode = "200", description = "The proposal after the concurrence")
    @APIResponse(responseCode = "403", description = "The caller's government made the proposal, or the body names another government")
    @APIResponse(responseCode = "409", description = "Already answered by this government, or no longer open")
    public ProposalView concur(@PathParam("id") String id, @Valid ResponseRequest request) {
        return ProposalView.of(assessments.concur(Params.id(id), agency.identity(), request));
    }

    @POST
    @Path("/{id}/objections")
    @Operation(summary = "Object, as the caller's government; one objection drops the proposal")
    @APIResponse(responseCode = "200", description = "The dropped proposal")
    @APIResponse(responseCode = "403", description = "The caller's government made the proposal, or the body names another government")
    @APIResponse(responseCode = "409", description = "Already answered by this government, or no longer open")
    public ProposalView object(@PathParam("id") String id, @Valid ResponseRequest request) {
        return ProposalView.of(assessments.object(Params.id(id), agency.identity(), request));
    }
}
