package org.outreachexchange.gateway;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.outreachexchange.gateway.domain.FeedEntry;
import org.outreachexchange.gateway.domain.FeedEntryRepository;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class EventStreamLimitsTest {

    @TestHTTPResource("/subscriptions")
    URL subscriptions;
    @Inject
    FeedEntryRepository entries;

    @Test
    void endsAStreamWhenItsTokenExpiresAndSendsNothingAfter() throws Exception {
        UUID id = sseSubscription("JP");
        Duration lifetime = Duration.ofSeconds(12);
        Instant issued = Instant.now();
        String shortLived = TestAgencies.bearer("JP", "AGENCY-JP", TestAgencies.AGENCY_ROLES, lifetime);
        try (SseStream stream = new SseStream(events(id), shortLived, null)) {
            long before = QuarkusTransaction.requiringNew().call(() -> entry(id, "before-expiry"));
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.ids.contains(Long.toString(before)));
            assertThat(stream.endedAt).as("open while the token is valid").isNull();

            await().atMost(lifetime.plusSeconds(5)).until(() -> stream.endedAt != null);
            // Token expiry has a resolution of one second.
            assertThat(stream.endedAt).isAfter(issued.plus(lifetime).minusSeconds(1));
            long after = QuarkusTransaction.requiringNew().call(() -> entry(id, "after-expiry"));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> stream.ids.size() == 1);
            assertThat(stream.ids).doesNotContain(Long.toString(after));
        }
        try (SseStream fresh = new SseStream(events(id), Agencies.bearer("JP"), null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> fresh.ids.size() == 2);
        }
    }

    @Test
    void refusesAStreamBeyondTheSubscriptionsCapUntilOneCloses() throws Exception {
        UUID id = sseSubscription("US");
        List<SseStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                open.add(new SseStream(events(id), Agencies.bearer("US"), null));
            }
            given().header("Authorization", Agencies.bearer("US")).when().get(events(id))
                    .then().statusCode(429).contentType("application/problem+json").body("title", equalTo("Too Many Requests"));
            open.remove(0).close();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (SseStream again = new SseStream(events(id), Agencies.bearer("US"), null)) {
                    assertThat(again.endedAt).isNull();
                }
            });
        } finally {
            for (SseStream stream : open) {
                stream.close();
            }
        }
    }

    private UUID sseSubscription(String government) {
        return UUID.fromString(Subscriptions.create(government, Map.of("kind", "SCHEDULES", "channel", "SSE",
                "filters", Map.of("recipients", List.of("NR")))).getString("id"));
    }

    private URI events(UUID id) {
        return URI.create(subscriptions + "/" + id + "/events");
    }

    private long entry(UUID subscription, String name) {
        FeedEntry entry = FeedEntry.of(subscription, "test." + name, name, "{\"type\":\"test." + name + "\"}", Instant.now());
        entries.persist(entry);
        entries.flush();
        return entry.id;
    }
}
