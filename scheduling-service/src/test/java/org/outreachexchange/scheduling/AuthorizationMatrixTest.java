package org.outreachexchange.scheduling;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.AuthorizationMatrix;
import org.outreachexchange.infra.AuthorizationMatrix.Caller;
import org.outreachexchange.infra.AuthorizationMatrix.Request;
import org.outreachexchange.infra.OutreachTestResource;

import java.net.URI;
import java.net.URL;
import java.util.Map;

import static org.outreachexchange.infra.AuthorizationMatrix.Caller.COORDINATOR;
import static org.outreachexchange.infra.AuthorizationMatrix.Caller.OTHER_AGENCY_COORDINATOR;
import static org.outreachexchange.infra.AuthorizationMatrix.Caller.OTHER_AGENCY_PLANNER;
import static org.outreachexchange.infra.AuthorizationMatrix.Caller.OTHER_GOVERNMENT;
import static org.outreachexchange.infra.AuthorizationMatrix.Caller.PLANNER;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminar;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminarOnDates;
import static org.outreachexchange.scheduling.Requests.planned;
import static org.outreachexchange.scheduling.Requests.results;

/**
 * The README's role table for the JP scheduling-service: every operation of its OpenAPI document crossed with METI
 * (agency A) as reader, planner, evaluator and coordinator, MOFA (agency B) as planner and coordinator, a U.S. agency
 * with every role, no token, an expired token and a token signed by an untrusted key. Each cell that changes state
 * acts on an activity of its own, planned by METI.
 */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "scheduling"), @ResourceArg(name = "chain", value = "JP")})
class AuthorizationMatrixTest {

    @TestHTTPResource("/")
    URL service;
    /** Its management interface serves the OpenAPI document. */
    @TestHTTPResource(value = "openapi", management = true)
    URI openapi;

    @Test
    void everyOperationAnswersEachCallerAsTheRoleTableSays() throws Exception {
        AuthorizationMatrix matrix = AuthorizationMatrix.of("JP", "METI", "MOFA", "US", "DOC");
        String shared = planned(malaysiaSeminar());

        // Every agency of the government reads; the deployment is not another government's.
        matrix.row("GET /activities").request(Request::plain)
                .expect(403, OTHER_GOVERNMENT).otherwise(200);
        matrix.row("GET /activities/{id}").request(() -> Request.with("id", shared))
                .expect(403, OTHER_GOVERNMENT).otherwise(200);

        // Planners and coordinators plan, for whichever agency they belong to.
        matrix.row("POST /activities").request(() -> Request.plain().json(malaysiaSeminar()))
                .invalidBody(() -> Request.plain().json(withoutTitle()))
                .expect(201, PLANNER, COORDINATOR, OTHER_AGENCY_PLANNER, OTHER_AGENCY_COORDINATOR)
                .otherwise(403);

        // Revise, complete, cancel: the creating agency's planner or any coordinator of the government; another
        // agency's planner sees the activity, so it is refused with 403, not 404.
        matrix.row("PUT /activities/{id}")
                .request(() -> Request.with("id", planned(malaysiaSeminar())).header("If-Match", "\"1\"")
                        .json(malaysiaSeminarOnDates()))
                .invalidBody(() -> Request.with("id", planned(malaysiaSeminar())).header("If-Match", "\"1\"")
                        .json(withoutTitle()))
                .expect(200, PLANNER, COORDINATOR, OTHER_AGENCY_COORDINATOR)
                .otherwise(403);
        matrix.row("POST /activities/{id}/completion")
                .request(() -> Request.with("id", planned(malaysiaSeminarOnDates())).json(results()))
                .invalidBody(() -> Request.with("id", planned(malaysiaSeminarOnDates())).json(Map.of("summary", "")))
                .expect(200, PLANNER, COORDINATOR, OTHER_AGENCY_COORDINATOR)
                .otherwise(403);
        matrix.row("POST /activities/{id}/cancellation")
                .request(() -> Request.with("id", planned(malaysiaSeminar())).json(Map.of("reason", "Postponed by the host")))
                .invalidBody(() -> Request.with("id", planned(malaysiaSeminar())).json(Map.of("reason", "")))
                .expect(200, PLANNER, COORDINATOR, OTHER_AGENCY_COORDINATOR)
                .otherwise(403);

        // The REST edge contract's fixture (RestEdgeTest), in the application only under test: public, fails as a bug would.
        matrix.row("GET /rest-edge-contract/unexpected").request(Request::plain).expect(500, Caller.values());

        matrix.verify(service.toURI(), openapi);
    }

    private static Map<String, Object> withoutTitle() {
        Map<String, Object> body = malaysiaSeminar();
        body.remove("title");
        return body;
    }
}
