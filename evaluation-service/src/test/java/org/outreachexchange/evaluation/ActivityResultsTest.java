package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.TestAgencies;
import org.outreachexchange.infra.TopicReader;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class ActivityResultsTest {

    static final String JP = TestAgencies.bearer("JP", "METI");
    static final String US = TestAgencies.bearer("US", "DOC");
    static final String AU = TestAgencies.bearer("AU", "DFAT");

    private static String category(String country) {
        return given().header("Authorization", AU).when().get("/evaluations/" + country).then().statusCode(200)
                .extract().path("category");
    }

    private static int historySize(String country) {
        return given().header("Authorization", AU).when().get("/evaluations/" + country + "/history").then().statusCode(200)
                .extract().jsonPath().getList("$").size();
    }

    private static List<String> plannedFor(String country, String from, String to) {
        return given().header("Authorization", AU).queryParam("from", from).queryParam("to", to).when().get("/coverage")
                .then().statusCode(200).extract().jsonPath()
                .getList("countries.find { it.country == '" + country + "' }.plannedActivities");
    }

    @Test
    void japansSeminarFindingMalaysiasLawsSufficientMovesItToCategory3OnlyWhenTheUnitedStatesAndAustraliaConcur() {
        UUID id = UUID.randomUUID();
        Map<String, Object> planned = Activities.planned(id, 1, "JP", "MULTILATERAL_SEMINAR", List.of("MY"), "2008-03");
        Kafka.sendActivityEvent(planned, "planned");
        Kafka.sendActivityEvent(Activities.completed(planned, 2, "2008-03-14", List.of(
                List.of("MY", "LAWS_REGULATIONS", "SUFFICIENT", "The Strategic Trade Act is in force"))), "completed");

        String proposal = Proposals.awaitFindingsOf(US, id.toString());
        JsonPath opened = Proposals.get(US, proposal);
        assertThat(opened.getString("kind")).isEqualTo("FINDINGS");
        assertThat(opened.getString("status")).isEqualTo("OPEN");
        assertThat(opened.getString("proposedBy")).isEqualTo("JP");
        assertThat(opened.getList("countries")).containsExactly("MY");
        assertThat(opened.getList("awaiting")).containsExactly("AU", "US");
        assertThat(opened.getBoolean("restricted")).isFalse();
        assertThat(opened.getString("changes.MY.elements.LAWS_REGULATIONS.evidence")).isEqualTo("The Strategic Trade Act is in force");
        assertThat(opened.getString("summary")).isEqualTo("Findings of completed JP activity \"MULTILATERAL_SEMINAR for MY\" on MY:"
                + " LAWS_REGULATIONS SUFFICIENT");
        // Nothing changes yet: the findings are only proposed evidence.
        given().header("Authorization", AU).when().get("/evaluations/MY").then().statusCode(200)
                .body("category", equalTo("CATEGORY_2"))
                .body("proposed.proposalId", equalTo(List.of(proposal)))
                .body("proposed[0].elements.LAWS_REGULATIONS.assessment", equalTo("SUFFICIENT"))
                .body("proposed[0].elements.LAWS_REGULATIONS.evidence", equalTo("The Strategic Trade Act is in force"));
        Kafka.awaitProposalEvents(proposal, Kafka.PROPOSAL_OPENED);
        given().header("Authorization", JP).contentType(ContentType.JSON).body(Map.of())
                .when().post("/proposals/" + proposal + "/concurrences").then().statusCode(403);

        assertThat(Proposals.concur(US, proposal).getString("status")).isEqualTo("OPEN");
        assertThat(category("MY")).isEqualTo("CATEGORY_2");
        assertThat(Kafka.evaluations(r -> proposal.equals(r.json().at("/origin/reference").asText()))).isEmpty();
        assertThat(Proposals.concur(AU, proposal).getString("status")).isEqualTo("ADOPTED");

        assertThat(category("MY")).isEqualTo("CATEGORY_3");
        given().header("Authorization", AU).when().get("/evaluations/MY").then()
                .body("elements.LAWS_REGULATIONS.assessment", equalTo("SUFFICIENT"))
                .body("elements.LAWS_REGULATIONS.evidence", equalTo("The Strategic Trade Act is in force"))
                .body("elements.LAWS_REGULATIONS.source", equalTo("Activity " + id
                        + " (MULTILATERAL_SEMINAR) organized by JP, completed 2008-03-14"))
                .body("elements.LAWS_REGULATIONS.activityId", equalTo(id.toString()))
                .body("elements.LAWS_REGULATIONS.proposalId", equalTo(proposal))
                .body("elements.LAWS_REGULATIONS.restricted", equalTo(false))
                .body("proposed", equalTo(List.of()))
                .body("recommendation.objective", equalTo("Strengthen enforcement"));

        Kafka.awaitProposalEvents(proposal, Kafka.PROPOSAL_ADOPTED);
        List<TopicReader.Received> events = Kafka.evaluations(r -> proposal.equals(r.json().at("/origin/reference").asText()));
        assertThat(events).hasSize(1);
        TopicReader.Received event = events.get(0);
        assertThat(event.key()).isEqualTo("MY");
        assertThat(event.json().at("/origin/kind").asText()).isEqualTo("ACTIVITY_RESULTS");
        assertThat(event.json().at("/origin/government").asText()).isEqualTo("JP");
        assertThat(event.json().at("/before/category").asText()).isEqualTo("CATEGORY_2");
        assertThat(event.json().at("/after/category").asText()).isEqualTo("CATEGORY_3");
        assertThat(event.json().at("/after/elements/LAWS_REGULATIONS").asText()).isEqualTo("SUFFICIENT");
        assertThat(event.json().get("changes").toString()).isEqualTo("[\"CATEGORY\"]");
        assertThat(event.json().at("/recommendation/tools/0/tool").asText()).isEqualTo("OFFICER_TRAINING");
        assertThat(Kafka.proposalEvents(proposal, Kafka.PROPOSAL_OPENED)).hasSize(1);
        TopicReader.Received adopted = Kafka.proposalEvents(proposal, Kafka.PROPOSAL_ADOPTED).get(0);
        assertThat(adopted.json().at("/status").asText()).isEqualTo("ADOPTED");
        assertThat(adopted.json().at("/responses").findValuesAsText("government")).containsExactly("US", "AU");
        assertThat(adopted.json().at("/awaiting")).isEmpty();
        given().header("Authorization", AU).queryParam("at", "2008-06-30").when().get("/evaluations/MY").then()
                .body("category", equalTo("CATEGORY_2"));
        given().header("Authorization", AU).when().get("/evaluations/MY/history").then()
                .body("origin.kind", org.hamcrest.Matchers.hasItems("SEED", "ACTIVITY_RESULTS"))
                .body("find { it.origin.reference == '" + proposal + "' }.changes", equalTo(List.of("CATEGORY")));
    }

    @Test
    void aCompletionDeliveredTwiceOpensOneProposalAndChangesTheEvaluationOnce() {
        UUID id = UUID.randomUUID();
        Map<String, Object> completed = Activities.completed(
                Activities.planned(id, 1, "US", "LEGAL_ASSISTANCE", List.of("BN"), "2008-04"), 2, "2008-04-10",
                List.of(List.of("BN", "INTENTION", "SUFFICIENT", "The cabinet committed to export controls")));
        String eventId = Kafka.sendActivityEvent(completed, "completed");
        String proposal = Proposals.awaitFindingsOf(JP, id.toString());

        Kafka.sendActivityEvent(completed, "completed", eventId);
        Kafka.sendActivityEvent(completed, "completed");
        Kafka.awaitConsumed("US");
        assertThat(Proposals.findingsCountOf(JP, id.toString())).isEqualTo(1);
        assertThat(Kafka.proposalEvents(proposal, Kafka.PROPOSAL_OPENED)).hasSize(1);

        Proposals.concur(JP, proposal);
        Proposals.concur(AU, proposal);
        assertThat(category("BN")).isEqualTo("CATEGORY_2");
        Kafka.awaitEvaluations(r -> proposal.equals(r.json().at("/origin/reference").asText()), 1);
        int history = historySize("BN");

        Kafka.sendActivityEvent(completed, "completed", eventId);
        Kafka.sendActivityEvent(completed, "completed");
        Kafka.awaitConsumed("US");

        assertThat(historySize("BN")).isEqualTo(history);
        assertThat(Proposals.findingsCountOf(JP, id.toString())).isEqualTo(1);
        assertThat(Kafka.evaluations(r -> proposal.equals(r.json().at("/origin/reference").asText()))).hasSize(1);
    }

    @Test
    void anObjectionToFindingsDropsThemAndTheEvaluationStaysAsItWas() {
        UUID id = UUID.randomUUID();
        Kafka.sendActivityEvent(Activities.completed(
                Activities.planned(id, 1, "AU", "OFFICER_TRAINING", List.of("LA"), "2008-05"), 2, "2008-05-12",
                List.of(List.of("LA", "INTENTION", "SUFFICIENT", "A trade ministry decree was announced"))), "completed");
        String proposal = Proposals.awaitFindingsOf(US, id.toString());

        Proposals.concur(US, proposal);
        given().header("Authorization", JP).contentType(ContentType.JSON).body(Map.of("comment", "Announced, not issued"))
                .when().post("/proposals/" + proposal + "/objections").then().statusCode(200)
                .body("status", equalTo("DROPPED")).body("awaiting", equalTo(List.of()));

        assertThat(category("LA")).isEqualTo("CATEGORY_1");
        given().header("Authorization", US).when().get("/evaluations/LA").then().body("proposed", equalTo(List.of()));
        TopicReader.Received dropped = Kafka.awaitProposalEvents(proposal, Kafka.PROPOSAL_DROPPED).get(0);
        assertThat(dropped.json().at("/kind").asText()).isEqualTo("FINDINGS");
        assertThat(dropped.json().at("/responses").findValuesAsText("kind")).containsExactly("CONCURRENCE", "OBJECTION");
        assertThat(dropped.value()).doesNotContain("Announced, not issued");
        assertThat(Kafka.evaluations(r -> proposal.equals(r.json().at("/origin/reference").asText()))).isEmpty();
    }

    @Test
    void anEventOlderThanTheVersionHeldIsIgnored() {
        UUID id = UUID.randomUUID();
        Map<String, Object> planned = Activities.planned(id, 1, "AU", "OFFICER_TRAINING", List.of("MN"), "2008-11");
        Kafka.sendActivityEvent(Activities.cancelled(planned, 2), "cancelled");
        Kafka.sendActivityEvent(planned, "planned");
        Kafka.awaitConsumed("AU");

        assertThat(plannedFor("MN", "2008-11-01", "2008-11-30")).doesNotContain(id.toString());
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndLaterEventsAreStillApplied() {
        String poisonId = UUID.randomUUID().toString();
        Kafka.sendSealed("AU", "not-an-activity", poisonId, "outreach.activity.planned", "{ this is not json");
        Map<String, Object> lacksVersion = Activities.planned(UUID.randomUUID(), 1, "AU", "OFFICER_TRAINING", List.of("KH"), "2008-12");
        lacksVersion.remove("version");
        Kafka.sendActivityEvent(lacksVersion, "planned");
        Map<String, Object> lacksDistribution = Activities.planned(UUID.randomUUID(), 1, "AU", "OFFICER_TRAINING", List.of("KH"), "2008-12");
        lacksDistribution.remove("distribution");
        Kafka.sendActivityEvent(lacksDistribution, "planned");
        UUID good = UUID.randomUUID();
        Kafka.sendActivityEvent(Activities.planned(good, 1, "AU", "OFFICER_TRAINING", List.of("KH"), "2008-12"), "planned");

        await().atMost(Duration.ofSeconds(30)).until(() -> plannedFor("KH", "2008-12-01", "2008-12-31").contains(good.toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<TopicReader.Received> dead = Kafka.readAll(Kafka.DEAD_LETTERS);
            assertThat(dead).anyMatch(r -> "{ this is not json".equals(r.value()) && poisonId.equals(r.headers().get("ce_id"))
                    && r.headers().getOrDefault("dead-letter-reason", "").contains("not an activity event"));
            assertThat(dead).anyMatch(r -> r.value() != null && r.value().contains(lacksVersion.get("activityId").toString()));
            assertThat(dead).anyMatch(r -> r.value() != null && r.value().contains(lacksDistribution.get("activityId").toString())
                    && r.headers().getOrDefault("dead-letter-reason", "").contains("distribution"));
        });
    }
}
