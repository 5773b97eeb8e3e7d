package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.outreachexchange.identity.Role;
import org.outreachexchange.infra.TestAgencies;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The README's role table for the evaluation-service: every agency reads and previews; only evaluators and coordinators decide. */
@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class RoleTest {

    static final String JP_EVALUATOR = TestAgencies.bearer("JP", "METI", Set.of(Role.EVALUATOR));
    static final String JP_READER = TestAgencies.bearer("JP", "CUSTOMS", Set.of());
    static final String US_PLANNER = TestAgencies.bearer("US", "EXBS", Set.of(Role.PLANNER));
    static final String US_COORDINATOR = TestAgencies.bearer("US", "NSC", Set.of(Role.COORDINATOR));
    static final String AU_EVALUATOR = TestAgencies.bearer("AU", "DFAT", Set.of(Role.EVALUATOR));
    static final String AU_READER = TestAgencies.bearer("AU", "ABF", Set.of(Role.READER));

    static final Map<String, Object> CRITERIA = Map.of("weights", Map.of("TECHNOLOGY_LEVEL", 0.25, "TRADE_VOLUME", 0.25,
            "GEOGRAPHIC_LOCATION", 0.2, "TIES_TO_COUNTRIES_OF_CONCERN", 0.3), "highThreshold", 0.6, "rationale", "Unchanged");

    private static Map<String, Object> assessment(String rationale) {
        return Map.of("country", "BD", "rationale", rationale, "factors", Map.of("TRADE_VOLUME", 0.3));
    }

    private static String propose(String token, String rationale) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(assessment(rationale))
                .when().post("/assessments").then().statusCode(201).extract().path("id");
    }

    private static List<String> rationales() {
        return given().header("Authorization", JP_EVALUATOR).queryParam("limit", 1000).when().get("/proposals").then()
                .statusCode(200).extract().jsonPath().getList("rationale", String.class);
    }

    @Test
    void readerMayNotPropose() {
        String rationale = "A reader's assessment " + UUID.randomUUID();
        given().header("Authorization", JP_READER).contentType(ContentType.JSON).body(assessment(rationale))
                .when().post("/assessments").then().statusCode(403).contentType("application/problem+json")
                .body("title", equalTo("Forbidden")).body("detail", containsString("evaluator or coordinator"));
        given().header("Authorization", JP_READER).contentType(ContentType.JSON).body(CRITERIA)
                .when().post("/criteria").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", US_PLANNER).contentType(ContentType.JSON).body(assessment(rationale))
                .when().post("/assessments").then().statusCode(403).contentType("application/problem+json");
        assertThat(rationales()).doesNotContain(rationale);
    }

    @Test
    void plannerWithoutEvaluatorMayNotConcur() {
        String id = propose(JP_EVALUATOR, "Bangladesh's trade in dual-use goods grew " + UUID.randomUUID());
        given().header("Authorization", US_PLANNER).contentType(ContentType.JSON).body(Map.of())
                .when().post("/proposals/" + id + "/concurrences").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", US_PLANNER).contentType(ContentType.JSON).body(Map.of())
                .when().post("/proposals/" + id + "/objections").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", AU_READER).contentType(ContentType.JSON).body(Map.of())
                .when().post("/proposals/" + id + "/objections").then().statusCode(403);
        given().header("Authorization", JP_EVALUATOR).when().get("/proposals/" + id).then()
                .body("status", equalTo("OPEN")).body("responses", equalTo(List.of())).body("awaiting", equalTo(List.of("AU", "US")));
    }

    @Test
    void aCoordinatorOrEvaluatorOfAnotherGovernmentConcursForItsOwnGovernment() {
        String id = propose(JP_EVALUATOR, "Bangladesh's ports " + UUID.randomUUID());
        given().header("Authorization", US_COORDINATOR).contentType(ContentType.JSON).body(Map.of("comment", "Agreed"))
                .when().post("/proposals/" + id + "/concurrences").then().statusCode(200)
                .body("responses[0].government", equalTo("US")).body("responses[0].agency", equalTo("NSC"));
        given().header("Authorization", AU_EVALUATOR).contentType(ContentType.JSON).body(Map.of("government", "US"))
                .when().post("/proposals/" + id + "/objections").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", AU_EVALUATOR).contentType(ContentType.JSON).body(Map.of("government", "AU"))
                .when().post("/proposals/" + id + "/objections").then().statusCode(200).body("status", equalTo("DROPPED"));
    }

    @Test
    void refusesRoleBeforeValidatingTheBody() {
        String id = propose(JP_EVALUATOR, "Bangladesh's enforcement " + UUID.randomUUID());
        // Malformed JSON, a body breaking every rule, a number no field could hold: none is judged for a reader.
        for (String body : List.of("{\"country\": ", "{\"country\":\"bd\",\"rationale\":\"\",\"factors\":{\"TRADE_VOLUME\":7}}",
                "{\"weights\":{\"TECHNOLOGY_LEVEL\":1e-1000000}}")) {
            given().header("Authorization", JP_READER).contentType(ContentType.JSON).body(body)
                    .when().post("/assessments").then().statusCode(403).contentType("application/problem+json");
            given().header("Authorization", JP_READER).contentType(ContentType.JSON).body(body)
                    .when().post("/criteria").then().statusCode(403);
            given().header("Authorization", US_PLANNER).contentType(ContentType.JSON).body(body)
                    .when().post("/proposals/" + id + "/concurrences").then().statusCode(403);
        }
        // Acting for another government is refused before the rest of the body is judged, too.
        given().header("Authorization", AU_EVALUATOR).contentType(ContentType.JSON)
                .body(Map.of("government", "JP", "country", "bd", "rationale", ""))
                .when().post("/assessments").then().statusCode(403);
        given().header("Authorization", AU_EVALUATOR).contentType(ContentType.JSON)
                .body(Map.of("government", "US", "comment", "x".repeat(5000)))
                .when().post("/proposals/" + id + "/concurrences").then().statusCode(403);
        // The same bodies from a caller who may decide are judged.
        given().header("Authorization", AU_EVALUATOR).contentType(ContentType.JSON)
                .body(Map.of("government", "AU", "comment", "x".repeat(5000)))
                .when().post("/proposals/" + id + "/concurrences").then().statusCode(400)
                .body("errors[0].field", equalTo("comment")).body("errors[0].rule", equalTo("size"));
    }

    @Test
    void anUnknownProposalIsNotFoundForThoseWhoMayAnswerAndForbiddenForThoseWhoMayNot() {
        String unknown = UUID.randomUUID().toString();
        given().header("Authorization", AU_EVALUATOR).contentType(ContentType.JSON).body(Map.of())
                .when().post("/proposals/" + unknown + "/concurrences").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", AU_READER).contentType(ContentType.JSON).body(Map.of())
                .when().post("/proposals/" + unknown + "/concurrences").then().statusCode(403);
    }

    @Test
    void everyAgencyReadsEverythingAndPreviewsCriteria() {
        String id = propose(JP_EVALUATOR, "Bangladesh's laws " + UUID.randomUUID());
        for (String path : List.of("/evaluations", "/evaluations/BD", "/evaluations/BD?at=2008-07-01", "/evaluations/BD/history",
                "/coverage?from=2008-01-01&to=2008-12-31", "/reference/categories", "/reference/role-sharing", "/proposals",
                "/proposals/" + id, "/criteria")) {
            for (String reader : List.of(JP_READER, AU_READER, US_PLANNER)) {
                given().header("Authorization", reader).urlEncodingEnabled(false).when().get(path).then().statusCode(200);
            }
        }
        given().header("Authorization", AU_READER).contentType(ContentType.JSON).body(CRITERIA)
                .when().post("/criteria/previews").then().statusCode(200).body("proposed.highThreshold", equalTo(0.6f));
        given().header("Authorization", AU_READER).queryParam("awaiting", "me").when().get("/proposals").then()
                .statusCode(200).body("id", hasItem(id));
    }
}
