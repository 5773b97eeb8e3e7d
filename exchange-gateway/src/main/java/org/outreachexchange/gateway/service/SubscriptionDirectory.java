package org.outreachexchange.gateway.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.outreachexchange.gateway.domain.DeliveryChannel;
import org.outreachexchange.gateway.domain.Subscription;
import org.outreachexchange.gateway.domain.SubscriptionKind;
import org.outreachexchange.gateway.domain.SubscriptionRepository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The subscriptions, held in memory for the fan-out ({@link FeedService}) and the {@link DeliveryDispatcher}, which
 * otherwise loaded and parsed them for every event and every wake-up (issue 15). The snapshot is immutable, its
 * filters parsed once, and replaced as a whole; inactive subscriptions are kept in it too, so the dispatcher still
 * finds one disabled since its delivery was queued.
 * <p>
 * <b>Why a generation check in every transaction, not a timer.</b> Several replicas share the database, and a
 * subscription changes through any of them (or by SQL). A snapshot refreshed on a timer would be stale for up to its
 * period everywhere but where the change was made: an event fanned out meanwhile would miss a subscription just
 * created (a fan-out happens once, so that delivery would never exist) or reach one just disabled or deleted. So the
 * first call in each transaction reads the generation, one row that a trigger bumps with every statement changing
 * {@code subscription} (V8), in the caller's transaction; when it differs from the snapshot's, the snapshot is read
 * again in that transaction. Every transaction thus sees the subscriptions as a query in it would have, for the price of
 * reading one row.
 * <p>
 * The snapshot is fixed for the rest of the transaction once read, and the generation is read without flushing the
 * session: a transaction that changes subscriptions itself sees its change here only if it was flushed before the
 * first call. None of the callers (fan-out, dispatcher) changes subscriptions.
 */
@ApplicationScoped
public class SubscriptionDirectory {

    /** One subscription as the fan-out and the dispatcher need it, with its filters parsed. */
    public record Entry(UUID id, String government, String agency, SubscriptionKind kind, DeliveryChannel channel,
                        String url, String secret, boolean active, String disabledReason, SubscriptionFilters filters) {
    }

    /** The subscriptions as of one generation: the active ones per kind in creation order, and all by id. */
    private record Snapshot(long generation, Map<SubscriptionKind, List<Entry>> activeByKind, Map<UUID, Entry> byId) {
    }

    /** The key of the snapshot a transaction has read, among its resources. */
    private static final Object IN_TRANSACTION = new Object();

    private final SubscriptionRepository subscriptions;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private volatile Snapshot snapshot;

    SubscriptionDirectory(SubscriptionRepository subscriptions, ObjectMapper json, TransactionSynchronizationRegistry transactions) {
        this.subscriptions = subscriptions;
        this.json = json;
        this.transactions = transactions;
    }

    /** The active subscriptions of {@code kind}, oldest first. */
    @Transactional
    public List<Entry> activeOfKind(SubscriptionKind kind) {
        return current().activeByKind().getOrDefault(kind, List.of());
    }

    /** The subscriptions among {@code ids}, active or not; a deleted one is absent. */
    @Transactional
    public Map<UUID, Entry> byIds(Collection<UUID> ids) {
        Map<UUID, Entry> all = current().byId();
        return ids.stream().map(all::get).filter(Objects::nonNull).distinct()
                .collect(Collectors.toUnmodifiableMap(Entry::id, entry -> entry));
    }

    private Snapshot current() {
        Snapshot read = (Snapshot) transactions.getResource(IN_TRANSACTION);
        if (read == null) {
            long generation = subscriptions.generation();
            read = snapshot;
            if (read == null || read.generation() != generation) {
                // Read after the generation, so the rows are at least as new as the number they are filed under.
                read = load(generation);
                snapshot = read;
            }
            transactions.putResource(IN_TRANSACTION, read);
        }
        return read;
    }

    private Snapshot load(long generation) {
        List<Entry> all = subscriptions.allByCreation().stream().map(s -> new Entry(s.id, s.government, s.agency, s.kind,
                s.channel, s.url, s.secret, s.active, s.disabledReason, SubscriptionFilters.read(json, s.filters))).toList();
        Map<SubscriptionKind, List<Entry>> activeByKind = all.stream().filter(Entry::active)
                .collect(Collectors.groupingBy(Entry::kind, Collectors.toUnmodifiableList()));
        return new Snapshot(generation, Map.copyOf(activeByKind),
                all.stream().collect(Collectors.toUnmodifiableMap(Entry::id, entry -> entry)));
    }
}
