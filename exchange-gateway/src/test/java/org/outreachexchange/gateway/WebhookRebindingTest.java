package org.outreachexchange.gateway;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.outreachexchange.gateway.domain.Delivery;
import org.outreachexchange.gateway.domain.DeliveryRepository;
import org.outreachexchange.gateway.domain.DeliveryStatus;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.WebhookReceiver;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DNS rebinding against the real gateway: a partner's host name passes the check while it resolves to a public
 * address, then its DNS answers with the loopback address, where a receiver listens. The host is not on the
 * allow-list (only {@code localhost} and {@code 127.0.0.1} are, in tests), so the loopback receiver must never be called.
 */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class WebhookRebindingTest {

    @Inject
    DeliveryRepository deliveries;

    @Test
    void aHostReboundToLoopbackAfterItsSubscriptionWasCheckedIsNeverCalledAndItsDeliveryIsRefusedWithTheReason() {
        String host = "rebind-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        try (WebhookReceiver loopback = new WebhookReceiver()) {
            int port = Integer.parseInt(loopback.url().replaceAll(".*:(\\d+)/.*", "$1"));
            ScriptedResolver.answer(host, "8.8.8.8");
            JsonPath subscription = Subscriptions.webhook("AU", "SCHEDULES", "http://" + host + ":" + port + "/hook",
                    Map.of("recipients", List.of("SB")));
            assertThat(ScriptedResolver.lookups(host)).as("checked when subscribing").isEqualTo(1);

            ScriptedResolver.answer(host, "127.0.0.1");
            ActivityEvents.publish(new ActivityEvents.Draft("JP", "SB", 60), "planned");

            UUID subscriptionId = UUID.fromString(subscription.getString("id"));
            await().atMost(Duration.ofSeconds(30)).until(() -> delivery(subscriptionId) != null && delivery(subscriptionId).status == DeliveryStatus.DEAD);
            Delivery refused = delivery(subscriptionId);
            assertThat(refused.lastError).isEqualTo("url: host " + host + " resolves to an internal address (127.0.0.1: loopback)");
            assertThat(refused.attempts).as("no call was made").isZero();
            assertThat(loopback.calls()).isEmpty();
            assertThat(ScriptedResolver.lookups(host)).as("resolved once more, for the attempt, and connected to nothing").isEqualTo(2);
        }
    }

    private Delivery delivery(UUID subscriptionId) {
        List<Delivery> all = QuarkusTransaction.requiringNew().call(() -> deliveries.list("subscriptionId", subscriptionId));
        assertThat(all).hasSizeLessThanOrEqualTo(1);
        return all.isEmpty() ? null : all.get(0);
    }
}
