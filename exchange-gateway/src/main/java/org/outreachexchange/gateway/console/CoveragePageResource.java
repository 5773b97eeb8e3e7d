package org.outreachexchange.gateway.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.outreachexchange.identity.quarkus.PublicEndpoint;

import java.time.Clock;
import java.time.LocalDate;

/** Coverage of the High-risk economies in a period and the coordination advisories addressed to the officer. */
@Path("/console/coverage")
@Produces(MediaType.TEXT_HTML)
@PublicEndpoint
public class CoveragePageResource {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance coverage(CoverageView coverage);
    }

    private final EvaluationApi evaluations;
    private final GatewayApi gateway;
    private final ConsoleSession session;
    private final Clock clock;

    CoveragePageResource(EvaluationApi evaluations, GatewayApi gateway, ConsoleSession session, Clock clock) {
        this.evaluations = evaluations;
        this.gateway = gateway;
        this.session = session;
        this.clock = clock;
    }

    /** The period defaults to the coming year on the exchange's (domain) clock; the API judges what is typed. */
    @GET
    public Response coverage(@QueryParam("from") String from, @QueryParam("to") String to) {
        session.require();
        LocalDate today = LocalDate.now(clock);
        String start = BoardPageResource.present(from).orElse(today.toString());
        String end = BoardPageResource.present(to).orElse(today.plusYears(1).minusDays(1).toString());
        EvaluationJson.Coverage coverage = null;
        ProblemView problem = null;
        try {
            coverage = evaluations.coverage(start, end);
        } catch (UpstreamProblem refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            problem = refused.problem();
        }
        return Response.status(problem == null ? 200 : 400)
                .entity(session.page(Templates.coverage(CoverageView.of(start, end, coverage, gateway.advisories(), problem))))
                .build();
    }
}
