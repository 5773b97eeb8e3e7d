package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.TestAgencies;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Adopting criteria re-evaluates every country, so this class runs on a database of its own. */
@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation-criteria"))
class CriteriaTest {

    static final String JP = TestAgencies.bearer("JP", "METI");
    static final String AU = TestAgencies.bearer("AU", "DFAT");

    private static Map<String, Object> stricterThreshold() {
        return Map.of("weights", Map.of("TECHNOLOGY_LEVEL", 0.25, "TRADE_VOLUME", 0.25, "GEOGRAPHIC_LOCATION", 0.20,
                "TIES_TO_COUNTRIES_OF_CONCERN", 0.30), "highThreshold", 0.64, "rationale", "Annual review 2009");
    }

    @Test
    void aPreviewChangesNothingUntilTheCriteriaAreAdopted() {
        JsonPath preview = given().header("Authorization", JP).contentType(ContentType.JSON).body(stricterThreshold())
                .when().post("/criteria/previews").then().statusCode(200)
                .body("currentVersion", equalTo(1)).body("proposed.version", equalTo(2))
                .extract().jsonPath();
        assertThat(preview.getList("changes.country", String.class)).containsExactlyInAnyOrder("PH", "ID");
        assertThat(preview.getString("changes.find { it.country == 'PH' }.why")).contains("HIGH -> LOW").contains("0.64");
        given().header("Authorization", JP).when().get("/evaluations/PH").then().body("riskBand", equalTo("HIGH"))
                .body("criteriaVersion", equalTo(1));
        given().header("Authorization", JP).when().get("/criteria").then().body("$", hasSize(1));
        assertThat(Kafka.evaluations(r -> r.json().at("/origin/kind").asText().equals("CRITERIA_REVIEW"))).isEmpty();

        given().header("Authorization", AU).contentType(ContentType.JSON).body(stricterThreshold())
                .when().post("/criteria").then().statusCode(201).body("version", equalTo(2)).body("adoptedBy", equalTo("AU"));

        given().header("Authorization", JP).when().get("/evaluations/PH").then().body("riskBand", equalTo("LOW"))
                .body("criteriaVersion", equalTo(2));
        given().header("Authorization", JP).when().get("/evaluations/TH").then().body("riskBand", equalTo("HIGH"))
                .body("criteriaVersion", equalTo(2));
        given().header("Authorization", JP).queryParam("riskBand", "HIGH").when().get("/evaluations").then()
                .body("country", equalTo(List.of("TH", "VN")));
        List<Kafka.Received> events = Kafka.awaitEvaluations(r -> r.json().at("/origin/kind").asText().equals("CRITERIA_REVIEW"), 2);
        assertThat(events).extracting(Kafka.Received::key).containsExactlyInAnyOrder("PH", "ID");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.json().at("/origin/reference").asText()).isEqualTo("2");
            assertThat(e.json().get("changes").toString()).isEqualTo("[\"RISK_BAND\"]");
        });
    }

    @Test
    void refusesWeightsThatAreMissingOutOfRangeOrDoNotSumToOne() {
        given().header("Authorization", JP).contentType(ContentType.JSON)
                .body(Map.of("weights", Map.of("TECHNOLOGY_LEVEL", 0.5, "TRADE_VOLUME", 0.5, "GEOGRAPHIC_LOCATION", 0.5,
                        "TIES_TO_COUNTRIES_OF_CONCERN", 0.5), "highThreshold", 0.6, "rationale", "x"))
                .when().post("/criteria").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("weights")).body("errors[0].rule", equalTo("sum"));
        given().header("Authorization", JP).contentType(ContentType.JSON)
                .body(Map.of("weights", Map.of("TECHNOLOGY_LEVEL", 0.5, "TRADE_VOLUME", 0.5, "GEOGRAPHIC_LOCATION", 1.5),
                        "highThreshold", 0, "rationale", "x"))
                .when().post("/criteria/previews").then().statusCode(400)
                .body("errors.field", equalTo(List.of("weights.GEOGRAPHIC_LOCATION", "weights.TIES_TO_COUNTRIES_OF_CONCERN", "highThreshold")))
                .body("errors.rule", equalTo(List.of("range", "required", "range")));
        given().header("Authorization", JP).contentType(ContentType.JSON).body(Map.of("rationale", "x"))
                .when().post("/criteria").then().statusCode(400).body("errors.field", equalTo(List.of("highThreshold", "weights")));
        given().header("Authorization", JP).when().get("/criteria").then().body("$", hasSize(1));
    }
}
