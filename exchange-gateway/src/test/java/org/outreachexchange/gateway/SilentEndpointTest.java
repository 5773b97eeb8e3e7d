package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.WebhookReceiver;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestProfile(SilentEndpointTest.LongCalls.class)
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class SilentEndpointTest {

    /** Calls may stay open for a long time, so only the worker's design can let other deliveries pass a silent endpoint. */
    public static class LongCalls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outreach.delivery.request-timeout", "PT60S");
        }
    }

    @Test
    void aSilentEndpointHoldsBackNeitherAnotherSubscriptionsDeliveryNorItsRetry() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        try (WebhookReceiver silent = new WebhookReceiver().holdUntil(release); WebhookReceiver flaky = new WebhookReceiver()) {
            try {
                JsonPath silentSubscription = Subscriptions.webhook("AU", "SCHEDULES", silent.url(), Map.of("recipients", List.of("MN")));
                flaky.answer(500, null);
                Subscriptions.webhook("US", "SCHEDULES", flaky.url(), Map.of("recipients", List.of("MN")));

                ActivityEvents.publish(new ActivityEvents.Draft("JP", "MN", 70), "planned");

                // The US endpoint fails once; its retry is sent and accepted while the call to AU's endpoint is still open.
                await().atMost(Duration.ofSeconds(30)).until(() -> flaky.accepted().size() == 1);
                assertThat(flaky.calls()).extracting(WebhookReceiver.Call::answered).containsExactly(500, 204);
                assertThat(silent.calls()).isEmpty();
                given().header("Authorization", Agencies.bearer("AU"))
                        .when().get("/subscriptions/" + silentSubscription.getString("id") + "/deliveries")
                        .then().statusCode(200).body("[0].status", equalTo("PENDING")).body("[0].attempts", equalTo(0));

                release.countDown();
                await().atMost(Duration.ofSeconds(30)).until(() -> silent.accepted().size() == 1);
            } finally {
                release.countDown(); // before the receivers close: a held call would keep the silent one from stopping
            }
        }
    }
}
