package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.WebhookReceiver;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One government's eight slow endpoints against the shipped slots (64 in all, 8 per subscription): before the
 * per-government share they held all 64, and another government's delivery waited until they answered.
 */
@QuarkusTest
@TestProfile(GovernmentSlotShareTest.SlowEndpoints.class)
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class GovernmentSlotShareTest {

    private static final Duration SLOW = Duration.ofSeconds(90);

    /**
     * Calls stay open until the slow endpoints answer; a small batch, so that their backlog alone fills every read of
     * due deliveries unless the dispatcher leaves a government with full slots out of it.
     */
    public static class SlowEndpoints implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outreach.delivery.request-timeout", "PT120S", "outreach.delivery.batch-size", "10");
        }
    }

    @Test
    void eightSlowEndpointsOfOneGovernmentDoNotDelayAnotherGovernmentsDelivery() {
        try (WebhookReceiver slow = new WebhookReceiver(); WebhookReceiver prompt = new WebhookReceiver()) {
            for (int i = 0; i < 8; i++) {
                String path = "/au-" + i;
                slow.respond(path, (webhookId, attempt) -> new WebhookReceiver.Answer(204, SLOW, null));
                Subscriptions.webhook("AU", "SCHEDULES", slow.url(path), Map.of("recipients", List.of("BN")));
            }
            Subscriptions.webhook("US", "SCHEDULES", prompt.url(), Map.of("recipients", List.of("PG")));

            // Ten activities for each of AU's eight endpoints: 80 deliveries, 64 of them could be in flight at once.
            for (int i = 0; i < 10; i++) {
                ActivityEvents.publish(new ActivityEvents.Draft("JP", "BN", 60 + i), "planned");
            }
            ActivityEvents.publish(new ActivityEvents.Draft("JP", "PG", 60), "planned");

            // Well before any slow endpoint answers: AU holds its half of the slots, the US delivery gets one of the rest.
            await().atMost(Duration.ofSeconds(60)).until(() -> prompt.accepted().size() == 1 && slow.calls().size() == 32);
            assertThat(slow.calls()).as("AU's share: half of the 64 slots").hasSize(32);
            long firstSlowCall = slow.calls().stream().mapToLong(WebhookReceiver.Call::nanos).min().orElseThrow();
            assertThat(Duration.ofNanos(prompt.accepted().get(0).nanos() - firstSlowCall))
                    .as("the US delivery came while every AU call was still open").isLessThan(SLOW);
        }
    }
}
