package org.outreachexchange.bench;

import org.outreachexchange.infra.WebhookReceiver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The partners' webhook endpoints, paths of one test-kit {@link WebhookReceiver} in the bench process. Each path is one
 * subscriber: every call's Standard Webhooks signature is checked, and what arrived is counted by the activity marker
 * (the title the bench gave each activity), so loss, duplicated effects and latency can be counted. Only these counts
 * are kept, not the calls, so a long run does not hold every body it received.
 */
final class Subscribers implements AutoCloseable {

    static final Pattern MARKER = Pattern.compile("bench-[a-z0-9]+-[a-z0-9-]+-[0-9]+");

    /** One call as seen by the subscriber. */
    record Call(String webhookId, long nanos, int answered) {
    }

    final class Subscriber {
        final String name;
        volatile String secret;
        final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
        final Map<String, Set<String>> webhookIdsByMarker = new ConcurrentHashMap<>();
        final Map<String, List<Call>> callsByWebhookId = new ConcurrentHashMap<>();
        final AtomicLong requests = new AtomicLong();
        final AtomicLong badSignatures = new AtomicLong();
        volatile BiConsumer<String, Long> onFirstArrival = (marker, nanos) -> { };

        private Subscriber(String name) {
            this.name = name;
        }

        String url() {
            return receiver.url(path(name));
        }

        /** How this endpoint answers from now on; 204 until told otherwise. */
        void respond(WebhookReceiver.Responder responder) {
            receiver.respond(path(name), responder);
        }

        long delivered(String prefix) {
            return firstArrival.keySet().stream().filter(m -> m.startsWith(prefix)).count();
        }

        /** Markers that arrived under more than one webhook-id: the gateway made the same effect twice. */
        long duplicatedEffects(String prefix) {
            return webhookIdsByMarker.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .filter(e -> e.getValue().size() > 1).count();
        }

        /** Extra deliveries of a webhook-id already answered 2xx: allowed (at least once), counted for the record. */
        long redeliveries() {
            return callsByWebhookId.values().stream().mapToLong(calls -> {
                long ok;
                synchronized (calls) {
                    ok = calls.stream().filter(c -> c.answered() >= 200 && c.answered() < 300).count();
                }
                return Math.max(0, ok - 1);
            }).sum();
        }

        private void record(WebhookReceiver.Call call) {
            requests.incrementAndGet();
            if (!call.signedWith(secret)) {
                badSignatures.incrementAndGet();
            }
            List<Call> calls = callsByWebhookId.computeIfAbsent(String.valueOf(call.webhookId()), k -> new ArrayList<>());
            synchronized (calls) {
                calls.add(new Call(call.webhookId(), call.nanos(), call.answered()));
            }
            if (call.answered() >= 200 && call.answered() < 300) {
                Matcher m = MARKER.matcher(call.body());
                if (m.find()) {
                    String marker = m.group();
                    webhookIdsByMarker.computeIfAbsent(marker, k -> ConcurrentHashMap.newKeySet()).add(String.valueOf(call.webhookId()));
                    if (firstArrival.putIfAbsent(marker, call.nanos()) == null) {
                        onFirstArrival.accept(marker, call.nanos());
                    }
                }
            }
        }
    }

    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final WebhookReceiver receiver = WebhookReceiver.forwardingTo(call -> subscribers.get(call.path()).record(call));

    Subscriber subscriber(String name) {
        return subscribers.computeIfAbsent(path(name), p -> new Subscriber(name));
    }

    private static String path(String name) {
        return "/hooks/" + name;
    }

    @Override
    public void close() {
        receiver.close();
    }
}
