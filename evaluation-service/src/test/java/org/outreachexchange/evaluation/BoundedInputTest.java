package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.TestAgencies;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Numbers, text and parameters an abuser might send: each refused as a small 400 problem naming field and rule. */
@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class BoundedInputTest {

    static final String JP = TestAgencies.bearer("JP", "METI");

    private static String weights(String technology) {
        return "{\"weights\":{\"TECHNOLOGY_LEVEL\":" + technology + ",\"TRADE_VOLUME\":0.25,\"GEOGRAPHIC_LOCATION\":0.2,"
                + "\"TIES_TO_COUNTRIES_OF_CONCERN\":0.3},\"highThreshold\":0.6,\"rationale\":\"Probe\"}";
    }

    private static ExtractableResponse<Response> refused(String path, String body) {
        long start = System.nanoTime();
        ExtractableResponse<Response> answer = given().header("Authorization", JP).contentType(ContentType.JSON).body(body)
                .when().post(path).then().statusCode(400).contentType("application/problem+json").extract();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(answer.asString().length()).as("problem body length").isLessThan(2048);
        assertThat(answer.asString()).doesNotContain("00000");
        return answer;
    }

    @Test
    void aWeightOfAMillionOrTenMillionDecimalPlacesIsRefusedQuicklyWithASmallProblem() {
        for (String number : List.of("1e-1000000", "1e-10000000", "1E+1000000", "0.1234567890123")) {
            ExtractableResponse<Response> answer = refused("/criteria/previews", weights(number));
            assertThat(answer.jsonPath().getString("errors[0].field")).isEqualTo("weights.TECHNOLOGY_LEVEL");
            assertThat(answer.jsonPath().getString("errors[0].rule")).isEqualTo("precision");
            refused("/criteria", weights(number));
        }
    }

    @Test
    void aFactorScoreOfAMillionDecimalPlacesIsRefusedQuicklyWithASmallProblem() {
        ExtractableResponse<Response> answer = refused("/assessments",
                "{\"country\":\"BN\",\"rationale\":\"Probe\",\"factors\":{\"TRADE_VOLUME\":1e-1000000}}");
        assertThat(answer.jsonPath().getString("errors[0].field")).isEqualTo("factors.TRADE_VOLUME");
        assertThat(answer.jsonPath().getString("errors[0].rule")).isEqualTo("precision");
    }

    @Test
    void numbersTheParserAllowsMustStillHaveAtMostFourDecimalsAndLieInRange() {
        refused("/criteria/previews", weights("0.25001"));
        given().header("Authorization", JP).contentType(ContentType.JSON).body(weights("0.25001")).when()
                .post("/criteria/previews").then().statusCode(400)
                .body("errors.field", equalTo(List.of("weights[TECHNOLOGY_LEVEL]"))).body("errors.rule", equalTo(List.of("range")));
        given().header("Authorization", JP).contentType(ContentType.JSON)
                .body(weights("0.25").replace("\"highThreshold\":0.6", "\"highThreshold\":0.60001")).when()
                .post("/criteria/previews").then().statusCode(400)
                .body("errors.field", equalTo(List.of("highThreshold"))).body("errors.rule", equalTo(List.of("range")));
        given().header("Authorization", JP).contentType(ContentType.JSON)
                .body("{\"country\":\"BN\",\"rationale\":\"Probe\",\"factors\":{\"TRADE_VOLUME\":0.00001,\"TECHNOLOGY_LEVEL\":-0.1}}")
                .when().post("/assessments").then().statusCode(400)
                .body("errors.field", equalTo(List.of("factors[TECHNOLOGY_LEVEL]", "factors[TRADE_VOLUME]")))
                .body("errors.rule", equalTo(List.of("range", "range")));
        // The sum of valid weights is a short number in the problem.
        given().header("Authorization", JP).contentType(ContentType.JSON).body(weights("0.2599")).when()
                .post("/criteria/previews").then().statusCode(400).body("errors[0].rule", equalTo("sum"))
                .body("errors[0].message", equalTo("the weights must sum to 1, they sum to 1.0099"));
    }

    @Test
    void controlCharactersInABodyAreRefusedNamingTheField() {
        given().header("Authorization", JP).contentType(ContentType.JSON)
                .body("{\"country\":\"BN\",\"rationale\":\"a\\u0000b\",\"factors\":{\"TRADE_VOLUME\":0.2}}")
                .when().post("/assessments").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("rationale")).body("errors[0].rule", equalTo("control-characters"));
        given().header("Authorization", JP).contentType(ContentType.JSON).body("{\"comment\":\"\\u0007\"}")
                .when().post("/proposals/" + UUID.randomUUID() + "/objections").then().statusCode(400)
                .body("errors[0].field", equalTo("comment")).body("errors[0].rule", equalTo("control-characters"));
    }

    @Test
    void controlCharactersInQueryParametersAreBadRequestsNeverAFailure() {
        for (String path : List.of("/evaluations?category=%00", "/evaluations?sort=priority%01", "/evaluations?after=%00",
                "/evaluations/TH?at=2008-07-01%00", "/coverage?from=2008-01-01&to=%00", "/proposals?kind=%00&limit=%0A",
                "/criteria?limit=1%00", "/reference/categories?after=%7F")) {
            given().header("Authorization", JP).urlEncodingEnabled(false).when().get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.rule", hasItem("control-characters"));
        }
    }

    @Test
    void controlCharactersInAPathNameNothing() {
        for (String path : List.of("/evaluations/%00", "/evaluations/T%00/history", "/proposals/%00")) {
            given().header("Authorization", JP).urlEncodingEnabled(false).when().get(path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", JP).urlEncodingEnabled(false).contentType(ContentType.JSON).body(Map.of())
                .when().post("/proposals/%00/concurrences").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void datesBeyondWhatTheServiceCanStoreAreBadRequests() {
        given().header("Authorization", JP).queryParam("at", "+999999999-12-31").when().get("/evaluations/TH").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("at")).body("errors[0].rule", equalTo("range"));
        given().header("Authorization", JP).queryParam("from", "-999999999-01-01").queryParam("to", "2008-12-31")
                .when().get("/coverage").then().statusCode(400).body("errors[0].field", equalTo("from"))
                .body("errors[0].rule", equalTo("range"));
        given().header("Authorization", JP).queryParam("at", "1900-01-01").when().get("/evaluations/TH").then().statusCode(404);
    }

    @Test
    void aBadPageSizeOrCursorIsABadRequestNamingIt() {
        for (String path : List.of("/evaluations", "/evaluations/TH/history", "/proposals", "/criteria", "/reference/categories",
                "/reference/role-sharing")) {
            for (String limit : List.of("0", "1001", "ten", "1e3")) {
                given().header("Authorization", JP).queryParam("limit", limit).when().get(path).then().statusCode(400)
                        .contentType("application/problem+json").body("errors[0].field", equalTo("limit"))
                        .body("errors[0].rule", equalTo("range"));
            }
            for (String after : List.of("yesterday!", "bm90IG91cnM", "MTIz4oCUYWJj")) {
                given().header("Authorization", JP).queryParam("after", after).when().get(path).then().statusCode(400)
                        .contentType("application/problem+json").body("errors[0].field", equalTo("after"))
                        .body("errors[0].rule", equalTo("cursor"));
            }
        }
    }
}
