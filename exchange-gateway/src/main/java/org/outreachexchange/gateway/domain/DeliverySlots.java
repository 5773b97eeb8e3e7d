package org.outreachexchange.gateway.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The webhook calls in flight, each holding a slot from the moment it is started until its outcome is recorded:
 * at most {@code total} slots, {@code perSubscription} for one subscription and {@code perGovernment} for all the
 * subscriptions of one government, so that one partner's slow endpoints, however many, leave the other partners
 * slots of their own. A delivery holds at most one slot.
 * <p>
 * A slot whose outcome is recorded is only settled; it is freed by {@link #freeSettled()} when the dispatcher next
 * looks, so a delivery is never read as due while its previous attempt's outcome is still being written. Safe to call
 * from the dispatcher and the outcome recorder at once.
 */
public final class DeliverySlots {

    private record Slot(UUID subscriptionId, String government, boolean settled) {
    }

    private final int total;
    private final int perSubscription;
    private final int perGovernment;
    private final Map<UUID, Slot> slots = new HashMap<>();

    public DeliverySlots(int total, int perSubscription, int perGovernment) {
        if (total < 1 || perSubscription < 1 || perGovernment < 1) {
            throw new IllegalArgumentException("delivery slots need at least one in all, per subscription and per government");
        }
        this.total = total;
        this.perSubscription = perSubscription;
        this.perGovernment = perGovernment;
    }

    /**
     * The slots one government may hold: {@code share} of {@code total}, rounded down, at least one.
     *
     * @param share a fraction in (0, 1]; 1 lets one government take every slot
     */
    public static int governmentShare(int total, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a government's share of the delivery slots must be in (0, 1], not " + share);
        }
        return Math.max(1, (int) Math.floor(total * share));
    }

    /** Takes a slot for the delivery if it holds none and no limit is reached; false otherwise. */
    public synchronized boolean take(UUID deliveryId, UUID subscriptionId, String government) {
        if (slots.size() >= total || slots.containsKey(deliveryId)
                || count(slot -> slot.subscriptionId().equals(subscriptionId)) >= perSubscription
                || count(slot -> slot.government().equals(government)) >= perGovernment) {
            return false;
        }
        slots.put(deliveryId, new Slot(subscriptionId, government, false));
        return true;
    }

    /** The delivery's outcome is recorded: its slot is freed at the next {@link #freeSettled()}. */
    public synchronized void settle(UUID deliveryId) {
        slots.computeIfPresent(deliveryId, (id, slot) -> new Slot(slot.subscriptionId(), slot.government(), true));
    }

    public synchronized void freeSettled() {
        slots.values().removeIf(Slot::settled);
    }

    public synchronized int free() {
        return total - slots.size();
    }

    /** Deliveries holding a slot, settled or not: none of them may be started again yet. */
    public synchronized Set<UUID> held() {
        return Set.copyOf(slots.keySet());
    }

    /** Subscriptions that hold every slot they may. */
    public synchronized Set<UUID> fullSubscriptions() {
        return full(Slot::subscriptionId, perSubscription);
    }

    /** Governments whose subscriptions hold every slot they may. */
    public synchronized Set<String> fullGovernments() {
        return full(Slot::government, perGovernment);
    }

    private long count(Predicate<Slot> which) {
        return slots.values().stream().filter(which).count();
    }

    private <K> Set<K> full(Function<Slot, K> key, int limit) {
        return slots.values().stream().collect(Collectors.groupingBy(key, Collectors.counting()))
                .entrySet().stream().filter(entry -> entry.getValue() >= limit).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
