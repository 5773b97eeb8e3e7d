package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.TestAgencies;

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
    void completedActivityFindingMalaysiasLawsSufficientMovesItToCategory3WithOneEvent() {
        UUID id = UUID.randomUUID();
        Map<String, Object> planned = Activities.planned(id, 1, "JP", "BILATERAL_CONSULTATION", List.of("MY"), "2008-03");
        Kafka.sendActivityEvent(planned, "planned");
        Kafka.sendActivityEvent(Activities.completed(planned, 2, "2008-03-14", List.of(
                List.of("MY", "LAWS_REGULATIONS", "SUFFICIENT", "The Strategic Trade Act is in force"))), "completed");

        await().atMost(Duration.ofSeconds(30)).until(() -> category("MY").equals("CATEGORY_3"));
        given().header("Authorization", AU).when().get("/evaluations/MY").then()
                .body("elements.LAWS_REGULATIONS.assessment", equalTo("SUFFICIENT"))
                .body("elements.LAWS_REGULATIONS.evidence", equalTo("The Strategic Trade Act is in force"))
                .body("elements.LAWS_REGULATIONS.source", equalTo("Activity " + id
                        + " (BILATERAL_CONSULTATION) organized by JP, completed 2008-03-14"))
                .body("recommendation.objective", equalTo("Strengthen enforcement"));

        List<Kafka.Received> events = Kafka.awaitEvaluations(r -> id.toString().equals(r.json().at("/origin/reference").asText()), 1);
        assertThat(events).hasSize(1);
        Kafka.Received event = events.get(0);
        assertThat(event.key()).isEqualTo("MY");
        assertThat(event.json().at("/origin/kind").asText()).isEqualTo("ACTIVITY_RESULTS");
        assertThat(event.json().at("/origin/government").asText()).isEqualTo("JP");
        assertThat(event.json().at("/before/category").asText()).isEqualTo("CATEGORY_2");
        assertThat(event.json().at("/after/category").asText()).isEqualTo("CATEGORY_3");
        assertThat(event.json().at("/after/elements/LAWS_REGULATIONS").asText()).isEqualTo("SUFFICIENT");
        assertThat(event.json().get("changes").toString()).isEqualTo("[\"CATEGORY\"]");
        assertThat(event.json().at("/recommendation/tools/0/tool").asText()).isEqualTo("OFFICER_TRAINING");
        given().header("Authorization", AU).queryParam("at", "2008-06-30").when().get("/evaluations/MY").then()
                .body("category", equalTo("CATEGORY_2"));
        given().header("Authorization", AU).when().get("/evaluations/MY/history").then()
                .body("origin.kind", org.hamcrest.Matchers.hasItems("SEED", "ACTIVITY_RESULTS"))
                .body("find { it.origin.reference == '" + id + "' }.changes", equalTo(List.of("CATEGORY")));
    }

    @Test
    void theSameEventDeliveredTwiceChangesNothingTheSecondTime() {
        UUID id = UUID.randomUUID();
        Map<String, Object> completed = Activities.completed(
                Activities.planned(id, 1, "US", "LEGAL_ASSISTANCE", List.of("BN"), "2008-04"), 2, "2008-04-10",
                List.of(List.of("BN", "INTENTION", "SUFFICIENT", "The cabinet committed to export controls")));
        String eventId = Kafka.sendActivityEvent(completed, "completed");
        await().atMost(Duration.ofSeconds(30)).until(() -> category("BN").equals("CATEGORY_2"));
        Kafka.awaitEvaluations(r -> id.toString().equals(r.json().at("/origin/reference").asText()), 1);
        int history = historySize("BN");

        Kafka.sendActivityEvent(completed, "completed", eventId);
        Kafka.awaitConsumed("US");

        assertThat(historySize("BN")).isEqualTo(history);
        assertThat(Kafka.evaluations(r -> id.toString().equals(r.json().at("/origin/reference").asText()))).hasSize(1);
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
    void aPoisonMessageGoesToTheDeadLetterTopicAndLaterEventsAreStillApplied() {
        String poisonId = UUID.randomUUID().toString();
        Kafka.send("outreach.activities.au", "not-an-activity", poisonId, "outreach.activity.planned",
                "/outreach/scheduling/AU", "{ this is not json");
        Map<String, Object> lacksVersion = Activities.planned(UUID.randomUUID(), 1, "AU", "OFFICER_TRAINING", List.of("KH"), "2008-12");
        lacksVersion.remove("version");
        Kafka.sendActivityEvent(lacksVersion, "planned");
        UUID good = UUID.randomUUID();
        Kafka.sendActivityEvent(Activities.planned(good, 1, "AU", "OFFICER_TRAINING", List.of("KH"), "2008-12"), "planned");

        await().atMost(Duration.ofSeconds(30)).until(() -> plannedFor("KH", "2008-12-01", "2008-12-31").contains(good.toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Kafka.Received> dead = Kafka.readAll(Kafka.DEAD_LETTERS);
            assertThat(dead).anyMatch(r -> "{ this is not json".equals(r.value()) && poisonId.equals(r.headers().get("ce_id"))
                    && r.headers().getOrDefault("dead-letter-reason", "").contains("not an activity event"));
            assertThat(dead).anyMatch(r -> r.value() != null && r.value().contains(lacksVersion.get("activityId").toString()));
        });
    }
}
