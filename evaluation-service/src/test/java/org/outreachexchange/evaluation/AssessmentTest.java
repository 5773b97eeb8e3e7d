package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.outreachexchange.evaluation.domain.ProposalRepository;
import org.outreachexchange.evaluation.service.ProposalService;
import org.outreachexchange.evaluation.service.ResponseRequest;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.Role;
import org.outreachexchange.infra.TestAgencies;
import org.outreachexchange.infra.TopicReader;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class AssessmentTest {

    static final String JP = TestAgencies.bearer("JP", "METI");
    static final String US = TestAgencies.bearer("US", "DOC");
    static final String AU = TestAgencies.bearer("AU", "DFAT");

    @Inject
    ProposalService service;
    @Inject
    ProposalRepository repository;

    private static String propose(String token, Map<String, Object> body) {
        var response = given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/assessments").then().statusCode(201).body("status", equalTo("OPEN"))
                .body("kind", equalTo("ASSESSMENT")).extract();
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/proposals/" + id);
        return id;
    }

    private static Map<String, Object> sriLankaRiskRaised() {
        return Map.of("country", "LK", "rationale", "Transshipment through Colombo has grown",
                "factors", Map.of("TECHNOLOGY_LEVEL", 0.5, "TRADE_VOLUME", 0.5, "GEOGRAPHIC_LOCATION", 0.5,
                        "TIES_TO_COUNTRIES_OF_CONCERN", 0.5));
    }

    @Test
    void aProposalIsAdoptedOnlyWhenEveryOtherPartnerConcursAndMovesOtherCountriesRanks() {
        String id = propose(JP, sriLankaRiskRaised());
        int rankBefore = given().header("Authorization", JP).when().get("/evaluations/LK").then().extract().path("priority");

        given().header("Authorization", US).contentType(ContentType.JSON).body(Map.of("comment", "Agreed"))
                .when().post("/proposals/" + id + "/concurrences").then().statusCode(200).body("status", equalTo("OPEN"))
                .body("awaiting", equalTo(List.of("AU")));
        given().header("Authorization", JP).when().get("/evaluations/LK").then().body("riskScore", equalTo(0.3f));

        given().header("Authorization", AU).contentType(ContentType.JSON).body(Map.of())
                .when().post("/proposals/" + id + "/concurrences").then().statusCode(200)
                .body("status", equalTo("ADOPTED")).body("responses", hasSize(2));
        int rankAfter = given().header("Authorization", JP).when().get("/evaluations/LK").then()
                .body("riskScore", equalTo(0.5f)).extract().path("priority");
        assertThat(rankAfter).isLessThan(rankBefore);

        List<TopicReader.Received> events = Kafka.awaitEvaluations(r -> id.equals(r.json().at("/origin/reference").asText()),
                1 + rankBefore - rankAfter);
        assertThat(events).hasSize(1 + rankBefore - rankAfter);
        TopicReader.Received lk = events.stream().filter(e -> "LK".equals(e.key())).findFirst().orElseThrow();
        assertThat(lk.json().get("changes").toString()).isEqualTo("[\"RISK_SCORE\",\"PRIORITY\"]");
        assertThat(lk.json().at("/origin/kind").asText()).isEqualTo("PARTNER_ASSESSMENT");
        assertThat(lk.json().at("/origin/government").asText()).isEqualTo("JP");
        assertThat(events.stream().filter(e -> !"LK".equals(e.key())))
                .allSatisfy(e -> assertThat(e.json().get("changes").toString()).isEqualTo("[\"PRIORITY\"]"));
        given().header("Authorization", US).when().get("/evaluations/LK/history").then()
                .body("origin.reference", hasItem(id));
        TopicReader.Received opened = Kafka.awaitProposalEvents(id, Kafka.PROPOSAL_OPENED).get(0);
        assertThat(opened.headers()).containsEntry("ce_source", "/outreach/evaluation").containsEntry("ce_subject", id);
        assertThat(opened.json().at("/kind").asText()).isEqualTo("ASSESSMENT");
        assertThat(opened.json().at("/countries").toString()).isEqualTo("[\"LK\"]");
        assertThat(opened.json().at("/awaiting").toString()).isEqualTo("[\"AU\",\"US\"]");
        assertThat(opened.json().at("/summary").asText()).isEqualTo("Assessment by JP of LK: TECHNOLOGY_LEVEL 0.5, TRADE_VOLUME 0.5,"
                + " GEOGRAPHIC_LOCATION 0.5, TIES_TO_COUNTRIES_OF_CONCERN 0.5");
        TopicReader.Received adopted = Kafka.awaitProposalEvents(id, Kafka.PROPOSAL_ADOPTED).get(0);
        assertThat(adopted.json().at("/decidedAt").isTextual()).isTrue();
        assertThat(Kafka.proposalEvents(id, Kafka.PROPOSAL_OPENED)).hasSize(1);
    }

    @Test
    void oneObjectionDropsTheProposalAndChangesNothing() {
        String id = propose(US, Map.of("country", "KH", "rationale", "New export control decree",
                "elements", Map.of("INTENTION", Map.of("assessment", "SUFFICIENT", "evidence", "Decree 2008/17"))));
        given().header("Authorization", JP).contentType(ContentType.JSON).body(Map.of("comment", "Not yet implemented"))
                .when().post("/proposals/" + id + "/objections").then().statusCode(200).body("status", equalTo("DROPPED"));
        given().header("Authorization", AU).contentType(ContentType.JSON).body(Map.of())
                .when().post("/proposals/" + id + "/concurrences").then().statusCode(409)
                .contentType("application/problem+json");
        given().header("Authorization", AU).when().get("/evaluations/KH").then().body("category", equalTo("CATEGORY_1"));
        assertThat(Kafka.awaitProposalEvents(id, Kafka.PROPOSAL_DROPPED).get(0).json().at("/status").asText()).isEqualTo("DROPPED");
        assertThat(Kafka.evaluations(r -> id.equals(r.json().at("/origin/reference").asText()))).isEmpty();
    }

    @Test
    void anAnswerBasedOnAProposalAnotherGovernmentAnsweredMeanwhileIsRefusedAndNothingIsLost() {
        String id = propose(JP, Map.of("country", "MN", "rationale", "Mining exports to the region grew",
                "factors", Map.of("TRADE_VOLUME", 0.3)));
        UUID proposal = UUID.fromString(id);
        AgencyIdentity australia = new AgencyIdentity("AU", "DFAT", "dfat-tester", Instant.now().plusSeconds(300),
                Set.of(Role.EVALUATOR));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            assertThat(repository.findById(proposal).responses).isEmpty();
            // The US answers in its own request and commits while this transaction holds the proposal as first read.
            given().header("Authorization", US).contentType(ContentType.JSON).body(Map.of())
                    .when().post("/proposals/" + id + "/concurrences").then().statusCode(200);
            service.concur(proposal, australia, new ResponseRequest(null, null));
        })).hasStackTraceContaining("OptimisticLockException");

        given().header("Authorization", JP).when().get("/proposals/" + id).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("responses.government", equalTo(List.of("US")))
                .body("awaiting", equalTo(List.of("AU")));
        given().header("Authorization", AU).contentType(ContentType.JSON).body(Map.of())
                .when().post("/proposals/" + id + "/concurrences").then().statusCode(200).body("status", equalTo("ADOPTED"))
                .body("responses.government", equalTo(List.of("US", "AU")));
    }

    @Test
    void answersAProposalIdThatIsNotAUuidOrUnknownWith404() {
        given().header("Authorization", US).when().get("/proposals/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", US).contentType(ContentType.JSON).body(Map.of())
                .when().post("/proposals/42/concurrences").then().statusCode(404);
        given().header("Authorization", US).when().get("/proposals/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", US).queryParam("awaiting", "JP").when().get("/proposals").then().statusCode(400)
                .body("errors[0].field", equalTo("awaiting"));
        given().header("Authorization", US).queryParam("status", "PENDING").when().get("/proposals").then().statusCode(400)
                .body("errors[0].field", equalTo("status")).body("errors[0].rule", equalTo("enum"));
    }

    @Test
    void aGovernmentCannotAnswerItsOwnProposalAnswerTwiceOrActForAnother() {
        String id = propose(AU, Map.of("country", "HK", "rationale", "Re-export licensing strengthened",
                "elements", Map.of("INDUSTRY_COOPERATION", Map.of("assessment", "UNCERTAIN", "evidence", "Survey pending"))));
        given().header("Authorization", AU).contentType(ContentType.JSON).body(Map.of())
                .when().post("/proposals/" + id + "/concurrences").then().statusCode(403);
        given().header("Authorization", US).contentType(ContentType.JSON).body(Map.of("government", "JP"))
                .when().post("/proposals/" + id + "/concurrences").then().statusCode(403);
        given().header("Authorization", US).contentType(ContentType.JSON).body(Map.of("government", "JP", "country", "HK",
                        "rationale", "x", "factors", Map.of("TRADE_VOLUME", 0.1)))
                .when().post("/assessments").then().statusCode(403);
        given().header("Authorization", US).contentType(ContentType.JSON).body(Map.of())
                .when().post("/proposals/" + id + "/concurrences").then().statusCode(200).body("status", equalTo("OPEN"));
        given().header("Authorization", US).contentType(ContentType.JSON).body(Map.of())
                .when().post("/proposals/" + id + "/concurrences").then().statusCode(409);

        given().header("Authorization", JP).when().get("/proposals/" + id).then().statusCode(200)
                .body("proposedBy", equalTo("AU")).body("responses.government", equalTo(List.of("US")))
                .body("responses.kind", equalTo(List.of("CONCURRENCE"))).body("awaiting", equalTo(List.of("JP")));
        given().header("Authorization", JP).when().get("/proposals").then().statusCode(200).body("id", hasItem(id));
        given().header("Authorization", JP).queryParam("status", "OPEN").queryParam("awaiting", "me")
                .when().get("/proposals").then().statusCode(200).body("id", hasItem(id));
        given().header("Authorization", US).queryParam("status", "OPEN").queryParam("awaiting", "me")
                .when().get("/proposals").then().statusCode(200).body("id", not(hasItem(id)));
        given().header("Authorization", AU).queryParam("awaiting", "me")
                .when().get("/proposals").then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void rejectsAProposalForAnUnknownCountryWithoutChangesOrWithScoresOutOfRange() {
        given().header("Authorization", JP).contentType(ContentType.JSON)
                .body(Map.of("country", "IL", "rationale", "x", "factors", Map.of("TRADE_VOLUME", 0.4)))
                .when().post("/assessments").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("country")).body("errors[0].rule", equalTo("known"));
        given().header("Authorization", JP).contentType(ContentType.JSON).body(Map.of("country", "MY", "rationale", "x"))
                .when().post("/assessments").then().statusCode(400).body("errors[0].field", equalTo("elements"));
        given().header("Authorization", JP).contentType(ContentType.JSON)
                .body(Map.of("country", "MY", "rationale", "x", "factors", Map.of("TRADE_VOLUME", 1.5)))
                .when().post("/assessments").then().statusCode(400).body("errors[0].field", equalTo("factors[TRADE_VOLUME]"))
                .body("errors[0].rule", equalTo("range"));
        given().header("Authorization", JP).contentType(ContentType.JSON)
                .body(Map.of("country", "MY", "rationale", "x", "factors", Map.of("CHARM", 0.5)))
                .when().post("/assessments").then().statusCode(400).body("errors[0].field", equalTo("factors"));
    }
}
