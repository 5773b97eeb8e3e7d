package org.outreachexchange.gateway.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A service's refusal that no form takes back (an economy that is not evaluated, a subscription that is not the
 * officer's, a service that does not answer) as a console page with the API's status and problem.
 */
public class UpstreamProblemMapper {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance upstream(ProblemView problem);
    }

    private final ConsoleSession session;

    UpstreamProblemMapper(ConsoleSession session) {
        this.session = session;
    }

    @ServerExceptionMapper
    public Response refused(UpstreamProblem e) {
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(session.page(Templates.upstream(e.problem()))).build();
    }
}
