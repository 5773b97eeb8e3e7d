package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = @ResourceArg(name = "service", value = "exchange-gateway"))
class PoisonMessageTest {

    @Test
    void sendsUnreadableEventsToTheDeadLetterTopicAndKeepsConsuming() {
        try (TopicReader deadLetters = new TopicReader("outreach.dlq.exchange-gateway")) {
            String malformed = UUID.randomUUID().toString();
            String incomplete = UUID.randomUUID().toString();
            String badEvaluation = "QQ";
            ActivityEvents.send("outreach.activities.jp", malformed, UUID.randomUUID().toString(), "outreach.activity.planned",
                    "/outreach/scheduling/JP", "{not json");
            ActivityEvents.send("outreach.activities.jp", incomplete, UUID.randomUUID().toString(), "outreach.activity.planned",
                    "/outreach/scheduling/JP", "{\"activityId\":\"" + incomplete + "\",\"version\":1}");
            ActivityEvents.send("outreach.evaluations", badEvaluation, UUID.randomUUID().toString(), "outreach.country.reevaluated",
                    "/outreach/evaluation", "{\"country\":\"QQ\"}");
            ActivityEvents.Draft good = new ActivityEvents.Draft("JP", "CN", 100);
            ActivityEvents.publish(good, "planned");

            await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetters.withKey(malformed).isEmpty()
                    && !deadLetters.withKey(incomplete).isEmpty() && !deadLetters.withKey(badEvaluation).isEmpty());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Agencies.bearer("JP"))
                    .when().get("/activities/" + good.id + "/notice").then().statusCode(200).body("version", equalTo(1)));
            given().header("Authorization", Agencies.bearer("JP")).when().get("/activities/" + incomplete + "/notice").then().statusCode(404);
        }
    }
}
