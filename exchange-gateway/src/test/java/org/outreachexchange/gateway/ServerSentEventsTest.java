package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class ServerSentEventsTest {

    @TestHTTPResource("/subscriptions")
    URL subscriptions;

    @Test
    void streamsTheSubscriptionsFeedAndResumesAfterTheLastEventId() throws Exception {
        String id = Subscriptions.create("JP", Map.of("kind", "SCHEDULES", "channel", "SSE", "filters", Map.of("recipients", List.of("AE"))))
                .getString("id");
        ActivityEvents.Draft first = new ActivityEvents.Draft("US", "AE", 150);
        ActivityEvents.Draft second = new ActivityEvents.Draft("AU", "AE", 250);
        ActivityEvents.publish(first, "planned");
        ActivityEvents.publish(second, "planned");
        URI events = URI.create(subscriptions + "/" + id + "/events");

        // The two governments' topics are consumed independently, so either activity may come first.
        List<String> ids;
        List<String> data;
        try (SseStream stream = new SseStream(events, Agencies.bearer("JP"), null)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.ids.size() >= 2);
            ids = List.copyOf(stream.ids);
            data = List.copyOf(stream.data);
        }
        assertThat(String.join("", data)).contains(first.id.toString()).contains(second.id.toString());
        assertThat(data.get(0)).contains("\"type\":\"activity.planned\"");
        String earlier = data.get(0).contains(first.id.toString()) ? first.id.toString() : second.id.toString();
        String later = earlier.equals(first.id.toString()) ? second.id.toString() : first.id.toString();

        try (SseStream resumed = new SseStream(events, Agencies.bearer("JP"), ids.get(0))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !resumed.ids.isEmpty());
            assertThat(resumed.ids.get(0)).isEqualTo(ids.get(1));
            assertThat(resumed.data.get(0)).contains(later).doesNotContain(earlier);
        }
    }
}
