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

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class ServerSentEventsTest {

    @TestHTTPResource("/subscriptions")
    URL subscriptions;
    @Inject
    FeedEntryRepository entries;

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

    @Test
    void neverPassesOverAnEntryWhoseTransactionCommitsAfterAnEntryWithAHigherIdWasStreamed() throws Exception {
        UUID id = UUID.fromString(Subscriptions.create("JP", Map.of("kind", "SCHEDULES", "channel", "SSE",
                "filters", Map.of("recipients", List.of("QA")))).getString("id"));
        long marker = QuarkusTransaction.requiringNew().call(() -> entry(id, "marker"));
        CountDownLatch lowerInserted = new CountDownLatch(1);
        CountDownLatch commitLower = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (SseStream stream = new SseStream(URI.create(subscriptions + "/" + id + "/events"), Agencies.bearer("JP"), null)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.ids.contains(Long.toString(marker)));

            Future<Long> lower = thread.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                long inserted = entry(id, "lower");
                lowerInserted.countDown();
                assertThat(commitLower.await(30, TimeUnit.SECONDS)).isTrue();
                return inserted;
            }));
            assertThat(lowerInserted.await(30, TimeUnit.SECONDS)).isTrue();
            long higher = QuarkusTransaction.requiringNew().call(() -> entry(id, "higher"));
            // The higher entry is committed, but a stream that sent it now would have passed over the lower one for good.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> stream.ids.size() == 1);
            commitLower.countDown();
            long lowerId = lower.get(30, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(30)).until(() -> stream.ids.size() >= 3);
            assertThat(lowerId).isLessThan(higher);
            assertThat(stream.ids).containsExactly(Long.toString(marker), Long.toString(lowerId), Long.toString(higher));
        } finally {
            commitLower.countDown();
            thread.shutdownNow();
        }
    }

    /** Inserts an entry into the subscription's feed inside the caller's transaction and returns its id. */
    private long entry(UUID subscription, String name) {
        FeedEntry entry = FeedEntry.of(subscription, "test." + name, name, "{\"type\":\"test." + name + "\"}", Instant.now());
        entries.persist(entry);
        entries.flush();
        return entry.id;
    }
}
