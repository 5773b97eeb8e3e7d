package org.outreachexchange.evaluation.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
    @Operation(summary = "Every adopted criteria version, oldest first; the last is in force; paged")
    @APIResponse(responseCode = "200", description = "A page of versions; Link rel=\"next\" while more follow",
            headers = @Header(name = "Link", description = "<...>; rel=\"next\" while more follow"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CriteriaView.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor")
    public Response versions(@Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
                             @Parameter(description = "the cursor of the previous page's Link rel=\"next\"") @QueryParam("after") String after,
                             @Context UriInfo uri) {
        int size = Pages.limit(limit);
        int afterVersion = Pages.after(after, 1, parts -> Integer.parseInt(parts.get(0))).orElse(0);
        List<CriteriaView> views = criteria.versions(afterVersion, size + 1).stream().map(CriteriaView::of).toList();
        return Pages.page(views, size, v -> Pages.cursor(String.valueOf(v.version())), uri);
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
    @Decides
    @Operation(summary = "Propose these criteria as the next version, as the caller's government; nothing changes until"
            + " the other partners concur, then the version is adopted and every country re-evaluated")
    @APIResponse(responseCode = "202", description = "The open CRITERIA proposal; Location: /proposals/{id}")
    @APIResponse(responseCode = "400", description = "Missing or out-of-range weights, weights not summing to 1, or a bad threshold")
    @APIResponse(responseCode = "403", description = "The caller's agency has neither the evaluator nor the coordinator role")
    @APIResponse(responseCode = "429", description = "The caller's government has as many open assessment and criteria"
            + " proposals as it may (outreach.evaluation.proposals.max-open-per-government)")
    public Response propose(CriteriaRequest request) {
        Proposal proposal = criteria.propose(agency.identity(), request);
        return Response.accepted(ProposalView.of(proposal, agency.government(), proposals.awaiting(proposal)))
                .location(URI.create("/proposals/" + proposal.id)).build();
    }
}
