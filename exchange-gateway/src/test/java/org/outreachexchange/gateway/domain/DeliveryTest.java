package org.outreachexchange.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryTest {

    private static final Instant NOW = Instant.parse("2008-06-24T09:00:00Z");
    private static final UUID SUBSCRIPTION = UUID.randomUUID();

    private static Delivery queued() {
        return Delivery.queue(UUID.randomUUID(), SUBSCRIPTION, 7, "activity-1", NOW);
    }

    @Test
    void aQueuedDeliveryIsPendingAndDueAtOnce() {
        Delivery delivery = queued();

        assertThat(delivery.status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.attempts).isZero();
        assertThat(delivery.nextAttemptAt).isEqualTo(NOW);
    }

    @Test
    void eachAttemptIsCountedAndLoggedWithWhatItGot() {
        Delivery delivery = queued();

        DeliveryAttempt first = delivery.attempted(null, "ConnectException: refused", NOW, 12);
        DeliveryAttempt second = delivery.attempted(503, null, NOW.plusSeconds(10), 40);

        assertThat(delivery.attempts).isEqualTo(2);
        assertThat(delivery.lastStatusCode).isEqualTo(503);
        assertThat(delivery.lastError).isNull();
        assertThat(first.attempt).isEqualTo(1);
        assertThat(first.error).isEqualTo("ConnectException: refused");
        assertThat(second.attempt).isEqualTo(2);
        assertThat(second.deliveryId).isEqualTo(delivery.id);
        assertThat(second.durationMs).isEqualTo(40);
    }

    @Test
    void anAttemptThatGotThroughDeliversIt() {
        Delivery delivery = queued();
        delivery.attempted(204, null, NOW, 5);

        delivery.delivered(NOW.plusSeconds(1));

        assertThat(delivery.status).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.finishedAt).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void aFailedAttemptIsRetriedLaterAndStaysPending() {
        Delivery delivery = queued();
        delivery.attempted(500, null, NOW, 5);

        delivery.retryAt(NOW.plus(Duration.ofSeconds(10)));

        assertThat(delivery.status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.nextAttemptAt).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void exhaustedAttemptsMakeADeadLetterWithTheLastErrorKept() {
        Delivery delivery = queued();
        delivery.attempted(null, "HttpTimeoutException: timed out", NOW, 3000);

        delivery.exhausted(NOW.plusSeconds(3));

        assertThat(delivery.status).isEqualTo(DeliveryStatus.DEAD);
        assertThat(delivery.lastError).isEqualTo("HttpTimeoutException: timed out");
        assertThat(delivery.finishedAt).isEqualTo(NOW.plusSeconds(3));
    }

    @Test
    void goneDisablesTheSubscriptionAndMakesADeadLetter() {
        Subscription subscription = subscription();
        Delivery delivery = queued();
        delivery.attempted(410, null, NOW, 5);

        delivery.gone(subscription, NOW);

        assertThat(delivery.status).isEqualTo(DeliveryStatus.DEAD);
        assertThat(delivery.lastError).isEqualTo("410 Gone: subscription disabled");
        assertThat(subscription.active).isFalse();
        assertThat(subscription.disabledReason).contains("410 Gone");
    }

    @Test
    void goneRefusesAnotherSubscription() {
        Subscription other = subscription();
        other.id = UUID.randomUUID();
        Delivery delivery = queued();
        delivery.attempted(410, null, NOW, 5);

        assertThatThrownBy(() -> delivery.gone(other, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(other.active).isTrue();
    }

    @Test
    void aDeliveryThatCannotBeSentIsAbandonedAsADeadLetterWithoutAnAttempt() {
        Delivery delivery = queued();

        delivery.abandon("subscription disabled: endpoint answered 410 Gone", NOW);

        assertThat(delivery.status).isEqualTo(DeliveryStatus.DEAD);
        assertThat(delivery.attempts).isZero();
        assertThat(delivery.lastError).startsWith("subscription disabled");
    }

    @Test
    void aReplayedDeadLetterIsPendingAgainWithItsIdAndAFreshCount() {
        Delivery delivery = queued();
        UUID webhookId = delivery.id;
        delivery.attempted(500, null, NOW, 5);
        delivery.exhausted(NOW);

        delivery.replay(NOW.plusSeconds(60));

        assertThat(delivery.id).isEqualTo(webhookId);
        assertThat(delivery.status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.attempts).isZero();
        assertThat(delivery.nextAttemptAt).isEqualTo(NOW.plusSeconds(60));
        assertThat(delivery.finishedAt).isNull();
    }

    @Test
    void transitionsFromTheWrongStateAreRefused() {
        Delivery fresh = queued();
        assertThatThrownBy(() -> fresh.delivered(NOW)).as("delivered before any attempt").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fresh.retryAt(NOW)).as("retried before any attempt").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fresh.exhausted(NOW)).as("exhausted before any attempt").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fresh.replay(NOW)).as("replaying what is not dead").isInstanceOf(IllegalStateException.class);

        Delivery delivered = queued();
        delivered.attempted(200, null, NOW, 1);
        delivered.delivered(NOW);
        assertThatThrownBy(() -> delivered.attempted(200, null, NOW, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> delivered.abandon("late", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> delivered.replay(NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(delivered.status).isEqualTo(DeliveryStatus.DELIVERED);
    }

    private static Subscription subscription() {
        Subscription subscription = Subscription.create("AU", "DFAT", SubscriptionKind.SCHEDULES, DeliveryChannel.WEBHOOK,
                "https://partner.example/hooks", "{}", true, () -> "whsec_x", () -> "token", NOW);
        subscription.id = SUBSCRIPTION;
        return subscription;
    }
}
