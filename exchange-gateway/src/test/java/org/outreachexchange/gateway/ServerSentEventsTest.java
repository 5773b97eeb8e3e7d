package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class ServerSentEventsTest {

    @TestHTTPResource("/subscriptions")
    URL subscriptions;

    /** An open SSE connection collecting "id:" and "data:" lines. */
    private static final class Stream implements AutoCloseable {
        final List<String> ids = new CopyOnWriteArrayList<>();
        final List<String> data = new CopyOnWriteArrayList<>();
        private final InputStream body;

        Stream(URI uri, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", Agencies.bearer("JP"))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("id:")) {
                            ids.add(line.substring(3).trim());
                        } else if (line.startsWith("data:")) {
                            data.add(line.substring(5).trim());
                        }
                    }
                } catch (java.io.IOException closed) {
                    // the test closed the stream
                }
            }, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    @Test
    void streamsTheSubscriptionsFeedAndResumesAfterTheLastEventId() throws Exception {
        String id = Subscriptions.create("JP", Map.of("kind", "SCHEDULES", "channel", "SSE", "filters", Map.of("recipients", List.of("AE"))))
                .getString("id");
        ActivityEvents.Draft first = new ActivityEvents.Draft("US", "AE", 150);
        ActivityEvents.Draft second = new ActivityEvents.Draft("AU", "AE", 250);
        ActivityEvents.publish(first, "planned");
        ActivityEvents.publish(second, "planned");
        URI events = URI.create(subscriptions + "/" + id + "/events");

        List<String> ids;
        try (Stream stream = new Stream(events, null)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.ids.size() >= 2);
            ids = List.copyOf(stream.ids);
            assertThat(stream.data.get(0)).contains(first.id.toString()).contains("\"type\":\"activity.planned\"");
            assertThat(stream.data.get(1)).contains(second.id.toString());
        }

        try (Stream resumed = new Stream(events, ids.get(0))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !resumed.ids.isEmpty());
            assertThat(resumed.ids.get(0)).isEqualTo(ids.get(1));
            assertThat(resumed.data.get(0)).contains(second.id.toString()).doesNotContain(first.id.toString());
        }
    }
}
