package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TopicReader;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class PoisonMessageTest {

    @Test
    void sendsUnreadableEventsToTheDeadLetterTopicAndKeepsConsuming() {
        try (TopicReader deadLetters = TopicReader.follow(ActivityEvents.bootstrap(), "outreach.dlq.exchange-gateway")) {
            String malformed = UUID.randomUUID().toString();
            String incomplete = UUID.randomUUID().toString();
            String badEvaluation = "QQ";
            ActivityEvents.sealed("JP", malformed, UUID.randomUUID().toString(), "outreach.activity.planned", "{not json");
            ActivityEvents.sealed("JP", incomplete, UUID.randomUUID().toString(), "outreach.activity.planned",
                    "{\"activityId\":\"" + incomplete + "\",\"version\":1}");
            ActivityEvents.send("outreach.evaluations", badEvaluation, UUID.randomUUID().toString(), "outreach.country.reevaluated",
                    "/outreach/evaluation", "{\"country\":\"QQ\"}");
            ActivityEvents.Draft good = new ActivityEvents.Draft("JP", "CN", 100);
            ActivityEvents.publish(good, "planned");

            await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetters.withKey(malformed).isEmpty()
                    && !deadLetters.withKey(incomplete).isEmpty() && !deadLetters.withKey(badEvaluation).isEmpty());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Agencies.bearer("JP"))
                    .when().get("/activities/" + good.id + "/notice").then().statusCode(200).body("version", equalTo(1)));
            given().header("Authorization", Agencies.bearer("JP")).when().get("/activities/" + incomplete + "/notice").then().statusCode(404);
            assertThat(deadLetters.withKey(good.id.toString())).isEmpty();
        }
    }

    @Test
    void deadLettersOnlyTheEventThatFailsWhenAppliedAndAppliesTheRestOfItsBatch() {
        try (TopicReader deadLetters = TopicReader.follow(ActivityEvents.bootstrap(), "outreach.dlq.exchange-gateway")) {
            ActivityEvents.Draft unitedStates = new ActivityEvents.Draft("US", "TH", 119);
            ActivityEvents.publish(unitedStates, "planned");
            awaitVersion("US", unitedStates.id.toString(), 1);
            ActivityEvents.Draft before = new ActivityEvents.Draft("JP", "TH", 120);
            ActivityEvents.Draft after = new ActivityEvents.Draft("JP", "TH", 122);
            // Readable and sealed by JP, but it would revise the US activity: only applying it finds that out.
            String takeover = before.json().replace(before.id.toString(), unitedStates.id.toString()).replace("\"version\":1", "\"version\":2");
            ActivityEvents.publish(before, "planned");
            ActivityEvents.sealed("JP", unitedStates.id.toString(), UUID.randomUUID().toString(), "outreach.activity.revised", takeover);
            ActivityEvents.publish(after, "planned");

            await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetters.withKey(unitedStates.id.toString()).isEmpty());
            for (ActivityEvents.Draft applied : List.of(before, after)) {
                awaitVersion("JP", applied.id.toString(), 1);
                assertThat(deadLetters.withKey(applied.id.toString())).isEmpty();
            }
            given().header("Authorization", Agencies.bearer("US")).when().get("/activities/" + unitedStates.id + "/notice").then()
                    .statusCode(200).body("organizer", equalTo("US")).body("version", equalTo(1));
        }
    }

    @Test
    void appliesAnActivityForTwoHundredRecipientsWhichOnceOverflowedItsColumnAndWasDeadLettered() {
        try (TopicReader deadLetters = TopicReader.follow(ActivityEvents.bootstrap(), "outreach.dlq.exchange-gateway")) {
            ActivityEvents.Draft wide = new ActivityEvents.Draft("JP", "TH", 121);
            wide.recipients = IntStream.range(0, 200).mapToObj(i -> "" + (char) ('A' + i / 26) + (char) ('A' + i % 26)).toList();
            ActivityEvents.publish(wide, "planned");

            awaitVersion("JP", wide.id.toString(), 1);
            String last = wide.recipients.get(199);
            given().header("Authorization", Agencies.bearer("AU")).queryParam("recipient", last).when().get("/schedule").then()
                    .statusCode(200).body("activity.activityId", hasItem(wide.id.toString()))
                    .body("find { it.activity.activityId == '" + wide.id + "' }.activity.recipients", hasSize(200));
            assertThat(deadLetters.withKey(wide.id.toString())).isEmpty();
        }
    }

    private static void awaitVersion(String government, String activityId, int version) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Agencies.bearer(government))
                .when().get("/activities/" + activityId + "/notice").then().statusCode(200).body("version", equalTo(version)));
    }
}
