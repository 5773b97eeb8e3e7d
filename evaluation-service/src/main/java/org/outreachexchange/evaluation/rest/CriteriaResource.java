package org.outreachexchange.evaluation.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.evaluation.domain.CriteriaVersion;
import org.outreachexchange.evaluation.domain.Factor;
import org.outreachexchange.evaluation.domain.Proposal;
import org.outreachexchange.evaluation.service.CriteriaPreview;
import org.outreachexchange.evaluation.service.CriteriaRequest;
import org.outreachexchange.evaluation.service.CriteriaService;
import org.outreachexchange.evaluation.service.ProposalService;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/criteria")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Criteria", description = "Versioned risk criteria: weights of the factors and the threshold for High")
@SecurityRequirement(name = "agency")
public class CriteriaResource {

    private final CriteriaService criteria;
    private final ProposalService proposals;
    private final CurrentAgency agency;

    CriteriaResource(CriteriaService criteria, ProposalService proposals, CurrentAgency agency) {
        this.criteria = criteria;
        this.proposals = proposals;
        this.agency = agency;
    }

    /**
     * An adopted criteria version; the last in the list is in force.
     *
     * @param adoptedBy  the government that proposed it (null for the seed's version 1)
     * @param proposalId the CRITERIA proposal the partners adopted (null for version 1)
     */
    public record CriteriaView(int version, Map<Factor, BigDecimal> weights, BigDecimal highThreshold, String rationale,
                               String adoptedBy, UUID proposalId, Instant adoptedAt) {

        static CriteriaView of(CriteriaVersion v) {
            return new CriteriaView(v.version, v.weights, v.highThreshold, v.rationale, v.adoptedBy, v.proposalId, v.adoptedAt);
        }
    }

    @GET
    @Operation(summary = "Every adopted criteria version, oldest first; the last is in force")
    public List<CriteriaView> versions() {
        return criteria.versions().stream().map(CriteriaView::of).toList();
    }

    @POST
    @Path("/previews")
    @Operation(summary = "What adopting these criteria would change, and why; changes nothing")
    @APIResponse(responseCode = "200", description = "The countries whose band, score or priority would change")
    @APIResponse(responseCode = "400", description = "Missing or out-of-range weights, weights not summing to 1, or a bad threshold")
    public CriteriaPreview preview(CriteriaRequest request) {
        return criteria.preview(request);
    }

    @POST
    @Operation(summary = "Propose these criteria as the next version, as the caller's government; nothing changes until"
            + " the other partners concur, then the version is adopted and every country re-evaluated")
    @APIResponse(responseCode = "202", description = "The open CRITERIA proposal; Location: /proposals/{id}")
    @APIResponse(responseCode = "400", description = "Missing or out-of-range weights, weights not summing to 1, or a bad threshold")
    public Response propose(CriteriaRequest request) {
        Proposal proposal = criteria.propose(agency.identity(), request);
        return Response.accepted(ProposalView.of(proposal, agency.government(), proposals.awaiting(proposal)))
                .location(URI.create("/proposals/" + proposal.id)).build();
    }
}
