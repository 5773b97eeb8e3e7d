package org.outreachexchange.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.outreachexchange.events.EventFixtures;
import org.outreachexchange.events.EventSchemas;
import org.outreachexchange.events.SchemaVersion;
import org.outreachexchange.infra.TestAgencies;
import org.outreachexchange.infra.TopicReader;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Producers and this consumer one schema version apart, on the real broker, sealed and chained as the trust model
 * requires: a producer one version ahead (a new activity type, a field this build does not know) and a producer one
 * version behind (no dataschema, only what 1.0 required) are both applied and shown; nothing of theirs is
 * dead-lettered. Only another major version is refused, with the reason.
 */
@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class VersionSkewTest {

    static final String US = TestAgencies.bearer("US", "DOC");

    private static List<String> plannedFor(String country) {
        return given().header("Authorization", US).queryParam("from", "2008-03-01").queryParam("to", "2008-03-31")
                .when().get("/coverage").then().statusCode(200).extract().jsonPath()
                .getList("countries.find { it.country == '" + country + "' }.plannedActivities");
    }

    /** The recorded event of a producer one version ahead, as a fresh activity. */
    private static Map<String, Object> ahead(UUID id) throws IOException {
        EventFixtures.Recorded recorded = EventFixtures.ahead(EventSchemas.ACTIVITY_EVENT).get(0);
        Map<String, Object> data = Kafka.JSON.readValue(recorded.data(), new TypeReference<LinkedHashMap<String, Object>>() { });
        data.put("activityId", id.toString());
        data.put("recipients", List.of("AE"));
        return data;
    }

    @Test
    void aProducerOneVersionAheadIsAppliedAndItsNewActivityTypeShownWhileNothingIsDeadLettered() throws IOException {
        UUID id = UUID.randomUUID();
        Map<String, Object> planned = ahead(id);
        assertThat(planned).containsEntry("type", "EXPORT_CONTROL_WORKSHOP").containsKey("languages");
        SchemaVersion next = EventFixtures.ahead(EventSchemas.ACTIVITY_EVENT).get(0).version();
        assertThat(next).isGreaterThan(EventSchemas.ACTIVITY_EVENT.current());
        String plannedEvent = Kafka.sendActivityEvent(planned, "planned", next);
        String completedEvent = Kafka.sendActivityEvent(Activities.completed(planned, 2, "2008-03-14", List.of(
                List.of("AE", "LAWS_REGULATIONS", "SUFFICIENT", "Licensing rules explained at the workshop"))), "completed", next);

        String proposal = Proposals.awaitFindingsOf(US, id.toString());
        JsonPath shown = Proposals.get(US, proposal);
        assertThat(shown.getString("activity.type")).isEqualTo("EXPORT_CONTROL_WORKSHOP");
        assertThat(shown.getString("changes.AE.elements.LAWS_REGULATIONS.assessment")).isEqualTo("SUFFICIENT");
        assertThat(plannedFor("AE")).contains(id.toString());

        UUID older = UUID.randomUUID();
        Map<String, Object> behind = Activities.planned(older, 1, "JP", "OFFICER_TRAINING", List.of("CN"), "2008-03");
        behind.keySet().removeAll(List.of("location", "results", "cancellationReason"));
        String behindEvent = Kafka.sendSealed("JP", older.toString(), UUID.randomUUID().toString(), "outreach.activity.planned",
                Kafka.JSON.writeValueAsString(behind));
        await().atMost(Duration.ofSeconds(30)).until(() -> plannedFor("CN").contains(older.toString()));

        Kafka.awaitConsumed("JP");
        List<TopicReader.Received> dead = Kafka.readAll(Kafka.DEAD_LETTERS);
        assertThat(dead).noneMatch(r -> List.of(plannedEvent, completedEvent, behindEvent).contains(r.header("ce_id")));
    }

    @Test
    void anEventOfAMajorVersionThisConsumerDoesNotReadIsDeadLetteredWithTheReasonAndTheChainGoesOn() {
        UUID id = UUID.randomUUID();
        Map<String, Object> data = Activities.planned(id, 1, "AU", "OFFICER_TRAINING", List.of("SG"), "2008-03");
        String event = Kafka.sendActivityEvent(data, "planned", new SchemaVersion("activity-event", 2, 0));
        UUID after = UUID.randomUUID();
        Kafka.sendActivityEvent(Activities.planned(after, 1, "AU", "OFFICER_TRAINING", List.of("SG"), "2008-03"), "planned");

        await().atMost(Duration.ofSeconds(30)).until(() -> plannedFor("SG").contains(after.toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Kafka.readAll(Kafka.DEAD_LETTERS))
                .anyMatch(r -> event.equals(r.header("ce_id"))
                        && r.headers().getOrDefault("dead-letter-reason", "").contains("activity-event 2.0")));
        assertThat(plannedFor("SG")).doesNotContain(id.toString());
    }
}
