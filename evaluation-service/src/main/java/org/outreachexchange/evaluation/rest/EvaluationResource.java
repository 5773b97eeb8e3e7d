package org.outreachexchange.evaluation.rest;

import jakarta.ws.rs.GET;
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
import org.outreachexchange.evaluation.domain.Category;
import org.outreachexchange.evaluation.domain.RiskBand;
import org.outreachexchange.evaluation.service.EvaluationService;
import org.outreachexchange.evaluation.service.ProposalService;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@Path("/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations", description = "The partners' shared evaluation of recipient countries")
@SecurityRequirement(name = "agency")
public class EvaluationResource {

    private final EvaluationService evaluations;
    private final ProposalService proposals;
    private final CurrentAgency agency;

    EvaluationResource(EvaluationService evaluations, ProposalService proposals, CurrentAgency agency) {
        this.evaluations = evaluations;
        this.proposals = proposals;
        this.agency = agency;
    }

    @GET
    @Operation(summary = "All evaluations, optionally filtered, by country code or by priority")
    @APIResponse(responseCode = "200", description = "The evaluations")
    @APIResponse(responseCode = "400", description = "An unknown filter value or sort order")
    public List<EvaluationView> list(
            @Parameter(description = "CATEGORY_1..CATEGORY_4 or BEYOND_CATEGORIES") @QueryParam("category") String category,
            @Parameter(description = "HIGH or LOW") @QueryParam("riskBand") String riskBand,
            @Parameter(description = "country (default) or priority") @QueryParam("sort") String sort) {
        Optional<Category> byCategory = Params.enumValue("category", category, Category.class);
        Optional<RiskBand> byBand = Params.enumValue("riskBand", riskBand, RiskBand.class);
        if (sort != null && !sort.equals("priority") && !sort.equals("country")) {
            throw ProblemException.invalid("sort", "enum", "sort must be country or priority");
        }
        return evaluations.list(byCategory, byBand, "priority".equals(sort)).stream()
                .map(e -> EvaluationView.of(e, agency.government())).toList();
    }

    @GET
    @Path("/{country}")
    @Operation(summary = "One country's evaluation, now (with the open proposals that would change it) or as it stood at"
            + " the end of a date; evidence from an activity not shared with the caller's government is redacted")
    @APIResponse(responseCode = "200", description = "The evaluation and what it recommends")
    @APIResponse(responseCode = "404", description = "The country is not evaluated (or was not yet at that date)")
    public EvaluationView get(@PathParam("country") String country,
                              @Parameter(description = "a date such as 2008-07-01") @QueryParam("at") String at) {
        String code = Params.key("evaluated country", country, "[A-Z]{2}");
        Optional<LocalDate> date = Params.date("at", at);
        if (date.isPresent()) {
            return EvaluationView.of(evaluations.at(code, date.get()), agency.government());
        }
        return EvaluationView.of(evaluations.get(code), agency.government(), proposals.openAbout(code));
    }

    @GET
    @Path("/{country}/history")
    @Operation(summary = "Every change to one country's evaluation, oldest first")
    @APIResponse(responseCode = "404", description = "The country is not evaluated")
    public List<HistoryView> history(@PathParam("country") String country) {
        String code = Params.key("evaluated country", country, "[A-Z]{2}");
        return evaluations.history(code).stream().map(entry -> HistoryView.of(entry, agency.government())).toList();
    }
}
