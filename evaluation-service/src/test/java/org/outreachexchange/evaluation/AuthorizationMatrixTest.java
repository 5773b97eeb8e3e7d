package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.AuthorizationMatrix;
import org.outreachexchange.infra.AuthorizationMatrix.Caller;
import org.outreachexchange.infra.AuthorizationMatrix.Request;
import org.outreachexchange.infra.TestAgencies;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.outreachexchange.infra.AuthorizationMatrix.Caller.COORDINATOR;
import static org.outreachexchange.infra.AuthorizationMatrix.Caller.EVALUATOR;
import static org.outreachexchange.infra.AuthorizationMatrix.Caller.OTHER_AGENCY_COORDINATOR;
import static org.outreachexchange.infra.AuthorizationMatrix.Caller.OTHER_GOVERNMENT;

/**
 * The README's role table for the shared evaluation-service: every operation of its OpenAPI document crossed with
 * METI (agency A of Japan) as reader, planner, evaluator and coordinator, MOFA (agency B) as planner and coordinator, a
 * U.S. agency with every role, no token, an expired token and a token signed by an untrusted key. Every partner reads;
 * proposing, concurring and objecting need the evaluator or coordinator role and act for the caller's own government.
 * Each concurrence or objection answers a fresh Australian proposal on Bangladesh, which no other test touches and no
 * cell adopts (Japan and the U.S. must both concur).
 */
@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class AuthorizationMatrixTest {

    private static final String COUNTRY = "BD";

    /** Australia's proposals this test opened, dropped at the end so that none counts against Australia's cap. */
    private final List<String> opened = new ArrayList<>();

    @TestHTTPResource("/")
    URL service;
    /** Its management interface serves the OpenAPI document. */
    @TestHTTPResource(value = "openapi", management = true)
    URI openapi;

    @Test
    void everyOperationAnswersEachCallerAsTheRoleTableSays() throws Exception {
        AuthorizationMatrix matrix = AuthorizationMatrix.of("JP", "METI", "MOFA", "US", "DOC");
        String proposal = australianAssessment();

        // Every agency of every partner reads the shared evaluation (redacted where restricted) and may preview.
        matrix.row("GET /evaluations").request(Request::plain).otherwise(200);
        matrix.row("GET /evaluations/{country}").request(() -> Request.with("country", COUNTRY)).otherwise(200);
        matrix.row("GET /evaluations/{country}/history").request(() -> Request.with("country", COUNTRY)).otherwise(200);
        matrix.row("GET /coverage").request(() -> Request.plain().query("from", "2008-01-01").query("to", "2008-12-31"))
                .otherwise(200);
        matrix.row("GET /reference/categories").request(Request::plain).otherwise(200);
        matrix.row("GET /reference/role-sharing").request(Request::plain).otherwise(200);
        matrix.row("GET /proposals").request(Request::plain).otherwise(200);
        matrix.row("GET /proposals/{id}").request(() -> Request.with("id", proposal)).otherwise(200);
        matrix.row("GET /criteria").request(Request::plain).otherwise(200);
        matrix.row("POST /criteria/previews").request(() -> Request.plain().json(criteria(0.25)))
                .invalidBody(() -> Request.plain().json(criteria(0.5)))
                .otherwise(200);

        // Evaluators and coordinators of any partner propose, concur and object, for their own government.
        Caller[] mayDecide = {EVALUATOR, COORDINATOR, OTHER_AGENCY_COORDINATOR, OTHER_GOVERNMENT};
        matrix.row("POST /assessments").request(() -> Request.plain().json(assessment("Transshipment has grown")))
                .invalidBody(() -> Request.plain().json(assessment("")))
                .expect(201, mayDecide).otherwise(403);
        matrix.row("POST /criteria").request(() -> Request.plain().json(criteria(0.25)))
                .invalidBody(() -> Request.plain().json(criteria(0.5)))
                .expect(202, mayDecide).otherwise(403);
        matrix.row("POST /proposals/{id}/concurrences")
                .request(() -> Request.with("id", australianAssessment()).json(Map.of("comment", "Agreed")))
                .invalidBody(() -> Request.with("id", australianAssessment()).json(Map.of("comment", "x".repeat(4001))))
                .expect(200, mayDecide).otherwise(403);
        matrix.row("POST /proposals/{id}/objections")
                .request(() -> Request.with("id", australianAssessment()).json(Map.of("comment", "Not yet")))
                .invalidBody(() -> Request.with("id", australianAssessment()).json(Map.of("comment", "x".repeat(4001))))
                .expect(200, mayDecide).otherwise(403);

        // The REST edge contract's fixture (RestEdgeTest), in the application only under test: public, fails as a bug would.
        matrix.row("GET /rest-edge-contract/unexpected").request(Request::plain).expect(500, Caller.values());

        try {
            matrix.verify(service.toURI(), openapi);
        } finally {
            opened.forEach(AuthorizationMatrixTest::drop);
        }
    }

    /** An objection by whichever of Japan and the U.S. has not answered yet drops the proposal (if still open). */
    private static void drop(String proposal) {
        for (String government : List.of("JP", "US")) {
            if (given().header("Authorization", TestAgencies.bearer(government, "DROPPER")).contentType(ContentType.JSON)
                    .body(Map.of()).when().post("/proposals/" + proposal + "/objections").statusCode() == 200) {
                return;
            }
        }
    }

    private static Map<String, Object> assessment(String rationale) {
        return Map.of("country", COUNTRY, "rationale", rationale, "factors", Map.of("TRADE_VOLUME", 0.4));
    }

    /** Criteria whose weights sum to 1 with {@code weight} 0.25 (and not with 0.5). */
    private static Map<String, Object> criteria(double weight) {
        return Map.of("weights", Map.of("TECHNOLOGY_LEVEL", weight, "TRADE_VOLUME", 0.25, "GEOGRAPHIC_LOCATION", 0.25,
                        "TIES_TO_COUNTRIES_OF_CONCERN", 0.25),
                "highThreshold", 0.5, "rationale", "Weigh every factor alike");
    }

    /** An open assessment by Australia's evaluator, which Japan and the U.S. may answer. */
    private String australianAssessment() {
        String id = given().header("Authorization", TestAgencies.bearer("AU", "DFAT")).contentType(ContentType.JSON)
                .body(assessment("Transshipment has grown")).when().post("/assessments")
                .then().statusCode(201).extract().path("id");
        opened.add(id);
        return id;
    }
}
