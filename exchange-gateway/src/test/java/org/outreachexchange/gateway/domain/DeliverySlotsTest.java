package org.outreachexchange.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliverySlotsTest {

    @Test
    void eightEndpointsOfOneGovernmentTakeOnlyItsShareAndLeaveTheRestToOthers() {
        DeliverySlots slots = new DeliverySlots(64, 8, DeliverySlots.governmentShare(64, 0.5));
        List<UUID> endpoints = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            endpoints.add(UUID.randomUUID());
        }

        int taken = 0;
        for (UUID endpoint : endpoints) {
            for (int call = 0; call < 8; call++) {
                taken += slots.take(UUID.randomUUID(), endpoint, "AU") ? 1 : 0;
            }
        }

        assertThat(taken).isEqualTo(32);
        assertThat(slots.fullGovernments()).containsExactly("AU");
        assertThat(slots.take(UUID.randomUUID(), UUID.randomUUID(), "US")).isTrue();
        assertThat(slots.free()).isEqualTo(31);
    }

    @Test
    void aSubscriptionTakesNoMoreThanItsOwnLimit() {
        DeliverySlots slots = new DeliverySlots(10, 2, 10);
        UUID endpoint = UUID.randomUUID();

        assertThat(slots.take(UUID.randomUUID(), endpoint, "JP")).isTrue();
        assertThat(slots.take(UUID.randomUUID(), endpoint, "JP")).isTrue();
        assertThat(slots.take(UUID.randomUUID(), endpoint, "JP")).isFalse();
        assertThat(slots.fullSubscriptions()).containsExactly(endpoint);
        assertThat(slots.fullGovernments()).isEmpty();
    }

    @Test
    void noSlotBeyondTheTotalAndNoSecondSlotForOneDelivery() {
        DeliverySlots slots = new DeliverySlots(2, 2, 2);
        UUID delivery = UUID.randomUUID();

        assertThat(slots.take(delivery, UUID.randomUUID(), "JP")).isTrue();
        assertThat(slots.take(delivery, UUID.randomUUID(), "US")).as("a delivery already in a slot").isFalse();
        assertThat(slots.take(UUID.randomUUID(), UUID.randomUUID(), "US")).isTrue();
        assertThat(slots.take(UUID.randomUUID(), UUID.randomUUID(), "AU")).isFalse();
        assertThat(slots.free()).isZero();
    }

    @Test
    void aSettledSlotIsHeldUntilTheNextLookFreesIt() {
        DeliverySlots slots = new DeliverySlots(4, 1, 4);
        UUID delivery = UUID.randomUUID();
        UUID endpoint = UUID.randomUUID();
        slots.take(delivery, endpoint, "JP");

        slots.settle(delivery);

        assertThat(slots.held()).containsExactly(delivery);
        assertThat(slots.take(UUID.randomUUID(), endpoint, "JP")).isFalse();
        slots.freeSettled();
        assertThat(slots.held()).isEmpty();
        assertThat(slots.take(delivery, endpoint, "JP")).as("its next attempt may take a slot").isTrue();
    }

    @Test
    void aGovernmentsShareIsAFractionOfTheSlotsRoundedDownAndAtLeastOne() {
        assertThat(DeliverySlots.governmentShare(64, 0.5)).isEqualTo(32);
        assertThat(DeliverySlots.governmentShare(5, 0.5)).isEqualTo(2);
        assertThat(DeliverySlots.governmentShare(1, 0.5)).isEqualTo(1);
        assertThat(DeliverySlots.governmentShare(64, 1)).isEqualTo(64);
        assertThatThrownBy(() -> DeliverySlots.governmentShare(64, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliverySlots.governmentShare(64, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliverySlots.governmentShare(64, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
