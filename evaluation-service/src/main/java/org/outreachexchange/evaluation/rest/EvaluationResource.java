package org.outreachexchange.evaluation.rest;

import jakarta.ws.rs.GET;
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
import org.outreachexchange.evaluation.domain.Category;
import org.outreachexchange.evaluation.domain.CountryEvaluation;
import org.outreachexchange.evaluation.domain.RiskBand;
import org.outreachexchange.evaluation.service.EvaluationService;
import org.outreachexchange.evaluation.domain.RoleSharingTable;
import org.outreachexchange.evaluation.service.ProposalService;
import org.outreachexchange.evaluation.service.RoleSharingService;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

@Path("/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations", description = "The partners' shared evaluation of recipient countries")
@SecurityRequirement(name = "agency")
public class EvaluationResource {

    private final EvaluationService evaluations;
    private final ProposalService proposals;
    private final RoleSharingService roles;
    private final CurrentAgency agency;

    EvaluationResource(EvaluationService evaluations, ProposalService proposals, RoleSharingService roles, CurrentAgency agency) {
        this.roles = roles;
        this.evaluations = evaluations;
        this.proposals = proposals;
        this.agency = agency;
    }

    @GET
    @Operation(summary = "All evaluations, optionally filtered, by country code or by priority rank; paged")
    @APIResponse(responseCode = "200", description = "A page of evaluations; Link rel=\"next\" while more follow",
            headers = @Header(name = "Link", description = "<...>; rel=\"next\" while more follow"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = EvaluationView.class)))
    @APIResponse(responseCode = "400", description = "An unknown filter value or sort order, a bad limit or cursor")
    public Response list(
            @Parameter(description = "CATEGORY_1..CATEGORY_4 or BEYOND_CATEGORIES") @QueryParam("category") String category,
            @Parameter(description = "HIGH or LOW") @QueryParam("riskBand") String riskBand,
            @Parameter(description = "country (default) or priority") @QueryParam("sort") String sort,
            @Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
            @Parameter(description = "the cursor of the previous page's Link rel=\"next\"") @QueryParam("after") String after,
            @Context UriInfo uri) {
        Optional<Category> byCategory = Params.enumValue("category", category, Category.class);
        Optional<RiskBand> byBand = Params.enumValue("riskBand", riskBand, RiskBand.class);
        if (sort != null && !sort.equals("priority") && !sort.equals("country")) {
            throw ProblemException.invalid("sort", "enum", "sort must be country or priority");
        }
        boolean byPriority = "priority".equals(sort);
        int size = Pages.limit(limit);
        Predicate<CountryEvaluation> afterCursor;
        Function<EvaluationView, String> position;
        if (byPriority) {
            // Ranks move when a country is re-evaluated; with the country code the position stays exact meanwhile.
            afterCursor = Pages.after(after, 2, parts -> byRankAfter(Integer.parseInt(parts.get(0)), Cursors.code(parts.get(1))))
                    .orElse(c -> true);
            position = v -> Pages.cursor(String.valueOf(v.priority()), v.country());
        } else {
            afterCursor = Pages.after(after, 1, parts -> byCodeAfter(Cursors.code(parts.get(0)))).orElse(c -> true);
            position = v -> Pages.cursor(v.country());
        }
        String viewer = agency.government();
        RoleSharingTable inForce = roles.inForce();
        List<EvaluationView> views = evaluations.list(byCategory, byBand, byPriority).stream()
                .filter(afterCursor).limit(size + 1L).map(e -> EvaluationView.of(e, viewer, inForce)).toList();
        return Pages.page(views, size, position, uri);
    }

    private static Predicate<CountryEvaluation> byRankAfter(int rank, String country) {
        return c -> c.priority > rank || (c.priority == rank && c.country.compareTo(country) > 0);
    }

    private static Predicate<CountryEvaluation> byCodeAfter(String country) {
        return c -> c.country.compareTo(country) > 0;
    }

    @GET
    @Path("/{country}")
    @Operation(summary = "One country's evaluation, now (with the open proposals that would change it) or as it stood at"
            + " the end of a date; evidence from an activity not shared with the caller's government is redacted")
    @APIResponse(responseCode = "200", description = "The evaluation and what it recommends")
    @APIResponse(responseCode = "400", description = "A malformed date, or one before 1900 or after 9999")
    @APIResponse(responseCode = "404", description = "The country is not evaluated (or was not yet at that date)")
    public EvaluationView get(@PathParam("country") String country,
                              @Parameter(description = "a date such as 2008-07-01") @QueryParam("at") String at) {
        String code = Params.key("evaluated country", country, "[A-Z]{2}");
        Optional<LocalDate> date = QueryDates.date("at", at);
        if (date.isPresent()) {
            return EvaluationView.of(evaluations.at(code, date.get()), agency.government(), roles.inForce());
        }
        return EvaluationView.of(evaluations.get(code), agency.government(), proposals.openAbout(code), roles.inForce());
    }

    @GET
    @Path("/{country}/history")
    @Operation(summary = "Every change to one country's evaluation, oldest first; paged")
    @APIResponse(responseCode = "200", description = "A page of changes; Link rel=\"next\" while more follow",
            headers = @Header(name = "Link", description = "<...>; rel=\"next\" while more follow"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryView.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor")
    @APIResponse(responseCode = "404", description = "The country is not evaluated")
    public Response history(@PathParam("country") String country,
                            @Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
                            @Parameter(description = "the cursor of the previous page's Link rel=\"next\"") @QueryParam("after") String after,
                            @Context UriInfo uri) {
        String code = Params.key("evaluated country", country, "[A-Z]{2}");
        int size = Pages.limit(limit);
        int afterVersion = Pages.after(after, 1, parts -> Integer.parseInt(parts.get(0))).orElse(0);
        String viewer = agency.government();
        RoleSharingTable inForce = roles.inForce();
        List<HistoryView> views = evaluations.history(code, afterVersion, size + 1).stream()
                .map(e -> HistoryView.of(e, viewer, inForce)).toList();
        return Pages.page(views, size, v -> Pages.cursor(String.valueOf(v.evaluationVersion())), uri);
    }
}
