package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.WebhookReceiver;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A JP activity shared only with the US: Australia learns nothing of it through any channel of the gateway, though it
 * subscribes to everything and plans an activity of its own beside it; the US and JP see it.
 */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class RestrictedActivityTest {

    private static final String RECIPIENT = "NU";

    @TestHTTPResource("/subscriptions")
    URL subscriptions;

    @Test
    void australiaLearnsNothingOfAJapaneseActivitySharedOnlyWithTheUnitedStatesThroughAnyChannel() throws Exception {
        Map<String, Object> filters = Map.of("recipients", List.of(RECIPIENT));
        try (WebhookReceiver webhook = new WebhookReceiver()) {
            Subscriptions.webhook("AU", "SCHEDULES", webhook.url(), filters);
            Subscriptions.webhook("AU", "NOTICES", webhook.url(), Map.of());
            String sse = Subscriptions.create("AU", Map.of("kind", "SCHEDULES", "channel", "SSE", "filters", filters)).getString("id");
            String feed = Subscriptions.create("AU", Map.of("kind", "SCHEDULES", "channel", "ICAL", "filters", filters)).getString("feedUrl");
            ActivityEvents.Draft own = new ActivityEvents.Draft("AU", RECIPIENT, 60);
            ActivityEvents.Draft restricted = new ActivityEvents.Draft("JP", RECIPIENT, 62).restrictedTo("US");
            restricted.title = "Closed talks on a transshipment case";
            ActivityEvents.Draft open = new ActivityEvents.Draft("JP", RECIPIENT, 64);
            ActivityEvents.publish(own, "planned");
            ActivityEvents.publish(restricted, "planned");
            ActivityEvents.publish(open, "planned");
            String secret = restricted.id.toString();

            // What Australia may see arrives: JP's open activity, which JP published after the restricted one.
            await().atMost(Duration.ofSeconds(30)).until(() -> webhook.accepted().stream().anyMatch(c -> c.body().contains(open.id.toString())));
            try (SseStream stream = new SseStream(URI.create(subscriptions + "/" + sse + "/events"), Agencies.bearer("AU"), null)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> String.join("", stream.data).contains(open.id.toString()));
                assertThat(String.join("", stream.data)).doesNotContain(secret);
            }
            assertThat(webhook.calls()).noneMatch(c -> c.body().contains(secret) || c.body().contains("transshipment"));
            assertThat(given().when().get(feed).then().statusCode(200).extract().asString())
                    .contains(open.id.toString()).doesNotContain(secret).doesNotContain("transshipment");
            assertThat(read("AU", "/schedule?recipient=" + RECIPIENT)).contains(open.id.toString()).doesNotContain(secret);
            assertThat(read("AU", "/compliance?government=JP&from=2000-01-01&to=2100-01-01")).doesNotContain(secret);
            assertThat(read("AU", "/advisories")).doesNotContain(secret);
            assertThat(read("AU", "/exchange-log?government=JP&limit=1000")).doesNotContain(secret).doesNotContain("transshipment");
            given().header("Authorization", Agencies.bearer("AU")).when().get("/activities/" + secret + "/notice").then().statusCode(404);
            given().header("Authorization", Agencies.bearer("AU")).contentType("application/json")
                    .body(Map.of("verdict", "CONCUR")).when().post("/activities/" + secret + "/acknowledgements").then().statusCode(404);

            assertThat(read("US", "/schedule?recipient=" + RECIPIENT)).contains(secret);
            given().header("Authorization", Agencies.bearer("US")).when().get("/activities/" + secret + "/notice").then().statusCode(200);
            assertThat(read("JP", "/advisories")).as("JP hears of Australia's activity, which is shared with all")
                    .contains(own.id.toString());
        }
    }

    private static String read(String government, String path) {
        return given().header("Authorization", Agencies.bearer(government)).when().get(path).then().statusCode(200)
                .extract().asString();
    }
}
