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
            ActivityEvents.Draft before = new ActivityEvents.Draft("JP", "TH", 120);
            ActivityEvents.Draft tooWide = new ActivityEvents.Draft("JP", "TH", 121);
            // Readable, but its recipients do not fit the gateway's column, so applying it fails in the database.
            tooWide.recipients = IntStream.range(0, 200).mapToObj(i -> "" + (char) ('A' + i / 26) + (char) ('A' + i % 26)).toList();
            ActivityEvents.Draft after = new ActivityEvents.Draft("JP", "TH", 122);
            ActivityEvents.publish(before, "planned");
            ActivityEvents.publish(tooWide, "planned");
            ActivityEvents.publish(after, "planned");

            await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetters.withKey(tooWide.id.toString()).isEmpty());
            for (ActivityEvents.Draft applied : List.of(before, after)) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Agencies.bearer("JP"))
                        .when().get("/activities/" + applied.id + "/notice").then().statusCode(200).body("version", equalTo(1)));
                assertThat(deadLetters.withKey(applied.id.toString())).isEmpty();
            }
            given().header("Authorization", Agencies.bearer("JP")).when().get("/activities/" + tooWide.id + "/notice").then().statusCode(404);
        }
    }
}
