package org.outreachexchange.gateway.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.identity.quarkus.PublicEndpoint;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The evaluation board and a country's page, as the evaluation-service shows them to the officer's government. */
@Path("/console/board")
@Produces(MediaType.TEXT_HTML)
@PublicEndpoint
public class BoardPageResource {

    private static final Set<String> SORTS = Set.of("priority", "country");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance board(BoardView board);

        static native TemplateInstance country(CountryView country, ProblemView problem);
    }

    private final EvaluationApi evaluations;
    private final ConsoleSession session;

    BoardPageResource(EvaluationApi evaluations, ConsoleSession session) {
        this.evaluations = evaluations;
        this.session = session;
    }

    @GET
    public TemplateInstance board(@QueryParam("sort") String sort, @QueryParam("category") String category,
                                  @QueryParam("riskBand") String riskBand) {
        session.require();
        String order = sort != null && SORTS.contains(sort) ? sort : "priority";
        return session.page(Templates.board(BoardView.of(evaluations.evaluations(order, present(category), present(riskBand)),
                order, category, riskBand)));
    }

    @GET
    @Path("/{country}")
    public TemplateInstance country(@PathParam("country") String country, @QueryParam("at") String at) {
        session.require();
        Optional<LocalDate> day = Optional.empty();
        ProblemView problem = null;
        if (present(at).isPresent()) {
            try {
                day = Optional.of(LocalDate.parse(at.trim()));
            } catch (DateTimeParseException e) {
                problem = new ProblemView(400, "Bad Request", "",
                        List.of(new FieldError("at", "date", "must be a date such as 2008-07-01")));
            }
        }
        if (day.isPresent()) {
            try {
                return session.page(Templates.country(CountryView.of(evaluations.evaluation(country, day), evaluations.history(country),
                        day.get()), null));
            } catch (UpstreamProblem refused) {
                if (refused.status() != 400 && refused.status() != 404) {
                    throw refused;
                }
                ProblemView p = refused.problem();
                problem = p.errors().isEmpty()
                        ? new ProblemView(p.status(), p.title(), "", List.of(new FieldError("at", "not-evaluated", p.detail())))
                        : p;
            }
        }
        return session.page(Templates.country(CountryView.of(evaluations.evaluation(country, Optional.empty()),
                evaluations.history(country), null), problem));
    }

    static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
