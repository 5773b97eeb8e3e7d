package org.outreachexchange.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.outreachexchange.evaluation.domain.AnnexI;
import org.outreachexchange.evaluation.service.EvaluationService;
import org.outreachexchange.infra.EventSchema;
import org.outreachexchange.infra.TestAgencies;
import org.outreachexchange.infra.TopicReader;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class SeedTest {

    static final String US = TestAgencies.bearer("US", "DOC");

    @Inject
    EvaluationService evaluations;
    @Inject
    EntityManager entityManager;

    @Test
    void servesTheAnnexIEvaluationOfEveryEconomyAsOfTheProposal() {
        for (AnnexI.Entry entry : AnnexI.ENTRIES) {
            given().header("Authorization", US).queryParam("at", "2008-06-30")
                    .when().get("/evaluations/" + entry.country())
                    .then().statusCode(200)
                    .body("category", equalTo(entry.category().name()))
                    .body("riskBand", equalTo(entry.band().name()))
                    .body("elements.INTENTION.source", equalTo(AnnexI.SOURCE));
        }
        given().header("Authorization", US).when().get("/evaluations").then().statusCode(200).body("$", hasSize(20));
    }

    @Test
    void hasNoEvaluationBeforeTheProposal() {
        given().header("Authorization", US).queryParam("at", "2008-06-19").when().get("/evaluations/TH")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void publishesOneSeedEventPerCountryAndSeedsOnlyOnce() {
        assertThat(evaluations.seedAnnexI()).as("a second seed").isFalse();
        Number seedRows = (Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE payload LIKE '%\"kind\":\"SEED\"%'").getSingleResult());
        assertThat(seedRows.intValue()).isEqualTo(20);
        for (AnnexI.Entry entry : AnnexI.ENTRIES) {
            List<TopicReader.Received> seeds = Kafka.awaitEvaluations(r -> entry.country().equals(r.key())
                    && r.json().at("/origin/kind").asText().equals("SEED"), 1);
            TopicReader.Received seed = seeds.get(0);
            assertThat(seed.headers()).containsEntry("ce_type", "outreach.country.reevaluated")
                    .containsEntry("ce_source", "/outreach/evaluation").containsEntry("ce_subject", entry.country());
            assertThat(seed.json().get("before").isNull()).isTrue();
            assertThat(seed.json().at("/after/category").asText()).isEqualTo(entry.category().name());
            assertThat(seed.json().at("/after/riskBand").asText()).isEqualTo(entry.band().name());
            assertThat(seed.json().get("changes")).hasSize(4);
        }
    }

    @Test
    void publishedEventsAndTheExampleConformToTheSchema() throws Exception {
        EventSchema schema = EventSchema.fromClasspath("country-reevaluated.schema.json");
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/schemas/examples/country-reevaluated.json")) {
            assertThat(schema.violations(Kafka.JSON.readTree(in))).isEmpty();
        }
        List<TopicReader.Received> events = Kafka.awaitEvaluations(r -> true, 20);
        for (TopicReader.Received event : events) {
            JsonNode data = event.json();
            assertThat(schema.violations(data)).as(event.value()).isEmpty();
        }
        given().when().get("/schemas/country-reevaluated.schema.json").then().statusCode(200);
    }

    @Test
    void proposalEventsAndTheirExampleConformToTheirSchema() throws Exception {
        EventSchema schema = EventSchema.fromClasspath("proposal-event.schema.json");
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/schemas/examples/proposal-adopted.json")) {
            assertThat(schema.violations(Kafka.JSON.readTree(in))).isEmpty();
        }
        String id = given().header("Authorization", US).contentType(ContentType.JSON)
                .body(Map.of("country", "PK", "rationale", "Schema check",
                        "elements", Map.of("ENFORCEMENT", Map.of("assessment", "UNCERTAIN", "evidence", "No data"))))
                .when().post("/assessments").then().statusCode(201).extract().path("id");
        given().header("Authorization", TestAgencies.bearer("JP", "METI")).contentType(ContentType.JSON).body(Map.of())
                .when().post("/proposals/" + id + "/objections").then().statusCode(200);
        Kafka.awaitProposalEvents(id, Kafka.PROPOSAL_DROPPED);
        List<TopicReader.Received> events = Kafka.awaitOnEvaluationTopic(
                r -> r.headers().getOrDefault("ce_type", "").startsWith("outreach.proposal."), 2);
        for (TopicReader.Received event : events) {
            assertThat(event.headers()).containsEntry("ce_source", "/outreach/evaluation").containsEntry("ce_subject", event.key());
            assertThat(event.headers().get("ce_type")).isEqualTo("outreach.proposal." + event.json().get("status").asText()
                    .toLowerCase().replace("open", "opened"));
            assertThat(schema.violations(event.json())).as(event.value()).isEmpty();
        }
        given().when().get("/schemas/proposal-event.schema.json").then().statusCode(200);
    }
}
