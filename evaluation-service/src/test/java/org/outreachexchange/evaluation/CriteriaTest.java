package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.TestAgencies;
import org.outreachexchange.infra.TopicReader;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Adopting criteria re-evaluates every country. Quarkus applies every {@code @QuarkusTestResource} to all test classes,
 * so despite its own resource argument this class shares the service and database with the others; it runs after
 * {@code CoverageTest} (classes run in name order), whose High-risk countries PH and ID it turns Low.
 */
@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation-criteria"))
class CriteriaTest {

    static final String JP = TestAgencies.bearer("JP", "METI");
    static final String US = TestAgencies.bearer("US", "DOC");
    static final String AU = TestAgencies.bearer("AU", "DFAT");

    private static Map<String, Object> stricterThreshold() {
        return Map.of("weights", Map.of("TECHNOLOGY_LEVEL", 0.25, "TRADE_VOLUME", 0.25, "GEOGRAPHIC_LOCATION", 0.20,
                "TIES_TO_COUNTRIES_OF_CONCERN", 0.30), "highThreshold", 0.64, "rationale", "Annual review 2009");
    }

    private static String allEvaluations() {
        return given().header("Authorization", JP).when().get("/evaluations").then().statusCode(200).extract().asString();
    }

    private static int criteriaVersions() {
        return given().header("Authorization", JP).when().get("/criteria").then().statusCode(200).extract()
                .jsonPath().getList("$").size();
    }

    private static int criteriaProposals() {
        return given().header("Authorization", JP).queryParam("kind", "CRITERIA").when().get("/proposals").then()
                .statusCode(200).extract().jsonPath().getList("$").size();
    }

    @Test
    void criteriaProposedByOneGovernmentChangeNothingUntilEveryOtherPartnerConcursThenReEvaluateEveryCountry() {
        JsonPath preview = given().header("Authorization", JP).contentType(ContentType.JSON).body(stricterThreshold())
                .when().post("/criteria/previews").then().statusCode(200)
                .body("currentVersion", equalTo(1)).body("proposed.version", equalTo(2))
                .extract().jsonPath();
        assertThat(preview.getList("changes.country", String.class)).containsExactlyInAnyOrder("PH", "ID");
        assertThat(preview.getString("changes.find { it.country == 'PH' }.why")).contains("HIGH -> LOW").contains("0.64");
        String evaluations = allEvaluations();
        int versions = criteriaVersions();

        var proposed = given().header("Authorization", AU).contentType(ContentType.JSON).body(stricterThreshold())
                .when().post("/criteria").then().statusCode(202)
                .body("kind", equalTo("CRITERIA")).body("status", equalTo("OPEN")).body("proposedBy", equalTo("AU"))
                .body("criteria.highThreshold", equalTo(0.64f)).body("criteria.adoptedVersion", equalTo(null))
                .body("countries", equalTo(List.of())).body("awaiting", equalTo(List.of("JP", "US")))
                .extract();
        String id = proposed.path("id");
        assertThat(proposed.header("Location")).endsWith("/proposals/" + id);

        // Proposed, and one of two partners concurred: nothing has changed.
        assertThat(allEvaluations()).isEqualTo(evaluations);
        assertThat(criteriaVersions()).isEqualTo(versions);
        assertThat(Proposals.concur(JP, id).getString("status")).isEqualTo("OPEN");
        assertThat(allEvaluations()).isEqualTo(evaluations);
        assertThat(criteriaVersions()).isEqualTo(versions);
        TopicReader.Received opened = Kafka.awaitProposalEvents(id, Kafka.PROPOSAL_OPENED).get(0);
        assertThat(opened.json().at("/summary").asText()).isEqualTo("Criteria proposed by AU: weights TECHNOLOGY_LEVEL 0.25,"
                + " TRADE_VOLUME 0.25, GEOGRAPHIC_LOCATION 0.2, TIES_TO_COUNTRIES_OF_CONCERN 0.3; High from 0.64");
        assertThat(Kafka.evaluations(r -> id.equals(r.json().at("/origin/reference").asText()))).isEmpty();

        JsonPath adopted = Proposals.concur(US, id);
        assertThat(adopted.getString("status")).isEqualTo("ADOPTED");
        assertThat(adopted.getInt("criteria.adoptedVersion")).isEqualTo(versions + 1);

        given().header("Authorization", JP).when().get("/criteria").then().body("$", hasSize(versions + 1))
                .body("find { it.version == " + (versions + 1) + " }.adoptedBy", equalTo("AU"))
                .body("find { it.version == " + (versions + 1) + " }.proposalId", equalTo(id))
                .body("find { it.version == " + (versions + 1) + " }.highThreshold", equalTo(0.64f));
        given().header("Authorization", JP).when().get("/evaluations/PH").then().body("riskBand", equalTo("LOW"))
                .body("criteriaVersion", equalTo(versions + 1));
        given().header("Authorization", JP).when().get("/evaluations/TH").then().body("riskBand", equalTo("HIGH"))
                .body("criteriaVersion", equalTo(versions + 1));
        given().header("Authorization", JP).queryParam("riskBand", "HIGH").when().get("/evaluations").then()
                .body("country", equalTo(List.of("TH", "VN")));
        List<TopicReader.Received> events = Kafka.awaitEvaluations(r -> id.equals(r.json().at("/origin/reference").asText()), 2);
        assertThat(events).extracting(TopicReader.Received::key).containsExactlyInAnyOrder("PH", "ID");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.json().at("/origin/kind").asText()).isEqualTo("CRITERIA_REVIEW");
            assertThat(e.json().at("/origin/government").asText()).isEqualTo("AU");
            assertThat(e.json().at("/reason").asText()).startsWith("Criteria version " + (versions + 1) + " proposed by AU"
                    + " adopted with the concurrence of JP, US");
            assertThat(e.json().get("changes").toString()).isEqualTo("[\"RISK_BAND\"]");
        });
        assertThat(Kafka.awaitProposalEvents(id, Kafka.PROPOSAL_ADOPTED)).hasSize(1);
    }

    @Test
    void refusesWeightsThatAreMissingOutOfRangeOrDoNotSumToOneAndOpensNoProposal() {
        int versions = criteriaVersions();
        int proposals = criteriaProposals();
        given().header("Authorization", JP).contentType(ContentType.JSON)
                .body(Map.of("weights", Map.of("TECHNOLOGY_LEVEL", 0.5, "TRADE_VOLUME", 0.5, "GEOGRAPHIC_LOCATION", 0.5,
                        "TIES_TO_COUNTRIES_OF_CONCERN", 0.5), "highThreshold", 0.6, "rationale", "x"))
                .when().post("/criteria").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("weights")).body("errors[0].rule", equalTo("sum"));
        given().header("Authorization", JP).contentType(ContentType.JSON)
                .body(Map.of("weights", Map.of("TECHNOLOGY_LEVEL", 0.5, "TRADE_VOLUME", 0.5, "GEOGRAPHIC_LOCATION", 1.5),
                        "highThreshold", 0, "rationale", "x"))
                .when().post("/criteria/previews").then().statusCode(400)
                .body("errors.field", equalTo(List.of("highThreshold", "weights[GEOGRAPHIC_LOCATION]", "weights[TIES_TO_COUNTRIES_OF_CONCERN]")))
                .body("errors.rule", equalTo(List.of("range", "range", "required")));
        given().header("Authorization", JP).contentType(ContentType.JSON).body(Map.of("rationale", "x"))
                .when().post("/criteria").then().statusCode(400).body("errors.field", equalTo(List.of("highThreshold", "weights")));
        assertThat(criteriaVersions()).isEqualTo(versions);
        assertThat(criteriaProposals()).isEqualTo(proposals);
    }

    @Test
    void anObjectionDropsACriteriaProposal() {
        int versions = criteriaVersions();
        String id = given().header("Authorization", JP).contentType(ContentType.JSON)
                .body(Map.of("weights", Map.of("TECHNOLOGY_LEVEL", 0.4, "TRADE_VOLUME", 0.2, "GEOGRAPHIC_LOCATION", 0.2,
                        "TIES_TO_COUNTRIES_OF_CONCERN", 0.2), "highThreshold", 0.5, "rationale", "Technology first"))
                .when().post("/criteria").then().statusCode(202).extract().path("id");
        Proposals.concur(US, id);
        given().header("Authorization", AU).contentType(ContentType.JSON).body(Map.of("comment", "Ties matter more"))
                .when().post("/proposals/" + id + "/objections").then().statusCode(200).body("status", equalTo("DROPPED"));
        assertThat(criteriaVersions()).isEqualTo(versions);
        assertThat(Kafka.evaluations(r -> id.equals(r.json().at("/origin/reference").asText()))).isEmpty();
    }
}
