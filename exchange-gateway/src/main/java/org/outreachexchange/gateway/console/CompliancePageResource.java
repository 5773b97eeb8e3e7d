package org.outreachexchange.gateway.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.outreachexchange.gateway.console.GatewayJson.ComplianceReport;
import org.outreachexchange.identity.quarkus.PublicEndpoint;
import org.outreachexchange.identity.quarkus.TrustedGovernments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The advance-notice compliance report per government and period, with a chart (uPlot). */
@Path("/console/compliance")
@Produces(MediaType.TEXT_HTML)
@PublicEndpoint
public class CompliancePageResource {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance compliance(ComplianceView compliance);
    }

    private final GatewayApi gateway;
    private final ConsoleSession session;
    private final TrustedGovernments partners;
    private final Clock clock;

    CompliancePageResource(GatewayApi gateway, ConsoleSession session, TrustedGovernments partners, Clock clock) {
        this.gateway = gateway;
        this.session = session;
        this.partners = partners;
        this.clock = clock;
    }

    /** The officer's own government and the current year (domain clock) unless chosen; the API judges the period. */
    @GET
    public Response compliance(@QueryParam("government") String government, @QueryParam("from") String from,
                               @QueryParam("to") String to) {
        session.require();
        LocalDate today = LocalDate.now(clock);
        String chosen = BoardPageResource.present(government).orElse(session.government());
        String start = BoardPageResource.present(from).orElse(today.withDayOfYear(1).toString());
        String end = BoardPageResource.present(to).orElse(today.withDayOfYear(today.lengthOfYear()).toString());
        List<String> governments = partners.governments().stream().sorted().toList();
        try {
            ComplianceReport report = gateway.compliance(chosen, start, end);
            List<ComplianceView.Summary> summaries = new ArrayList<>();
            for (String g : governments) {
                summaries.add(ComplianceView.Summary.of(g.equals(chosen) ? report : gateway.compliance(g, start, end), chosen));
            }
            return Response.ok(page(new ComplianceView(chosen, start, end, summaries,
                    report.items().stream().map(ComplianceView.ItemRow::of).toList(),
                    ComplianceView.monthly(report.from(), report.to(), report.items()), governments, null))).build();
        } catch (UpstreamProblem refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            return Response.status(400).entity(page(new ComplianceView(chosen, start, end, List.of(), List.of(),
                    ComplianceView.Chart.NONE, governments,
                    refused.problem()))).build();
        }
    }

    private TemplateInstance page(ComplianceView view) {
        return session.page(Templates.compliance(view));
    }
}
