package org.outreachexchange.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The partners' webhook endpoints, on 127.0.0.1 in the bench process. Each path is one subscriber: it verifies every
 * Standard Webhooks signature, answers as its {@link Behaviour} says, and records what arrived by the activity marker
 * (the title the bench gave each activity), so loss, duplicated effects and latency can be counted.
 */
final class WebhookReceiver implements AutoCloseable {

    static final Pattern MARKER = Pattern.compile("bench-[a-z0-9]+-[a-z0-9-]+-[0-9]+");

    /** One call as seen by the subscriber. */
    record Call(String webhookId, long nanos, int answered) {
    }

    /** How a subscriber answers the n-th attempt (1-based) of a webhook-id. */
    interface Behaviour {
        Answer answer(String webhookId, int attempt);
    }

    record Answer(int status, long delayMillis, String retryAfter) {
        static final Answer OK = new Answer(204, 0, null);
    }

    final class Subscriber {
        final String name;
        volatile String secret;
        volatile Behaviour behaviour = (id, n) -> Answer.OK;
        final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
        final Map<String, Set<String>> webhookIdsByMarker = new ConcurrentHashMap<>();
        final Map<String, List<Call>> callsByWebhookId = new ConcurrentHashMap<>();
        final AtomicLong requests = new AtomicLong();
        final AtomicLong badSignatures = new AtomicLong();
        volatile BiConsumer<String, Long> onFirstArrival = (marker, nanos) -> { };

        Subscriber(String name) {
            this.name = name;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + name;
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
                long ok = calls.stream().filter(c -> c.answered() >= 200 && c.answered() < 300).count();
                return Math.max(0, ok - 1);
            }).sum();
        }

        private void handle(HttpExchange exchange) throws IOException {
            long now = System.nanoTime();
            requests.incrementAndGet();
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            String body = new String(bytes, StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (!verifies(secret, id, timestamp, body, signature)) {
                badSignatures.incrementAndGet();
            }
            List<Call> calls = callsByWebhookId.computeIfAbsent(String.valueOf(id), k -> new ArrayList<>());
            int attempt;
            synchronized (calls) {
                attempt = calls.size() + 1;
            }
            Answer answer = behaviour.answer(id, attempt);
            synchronized (calls) {
                calls.add(new Call(id, now, answer.status()));
            }
            if (answer.status() >= 200 && answer.status() < 300) {
                Matcher m = MARKER.matcher(body);
                if (m.find()) {
                    String marker = m.group();
                    webhookIdsByMarker.computeIfAbsent(marker, k -> ConcurrentHashMap.newKeySet()).add(String.valueOf(id));
                    if (firstArrival.putIfAbsent(marker, now) == null) {
                        onFirstArrival.accept(marker, now);
                    }
                }
            }
            if (answer.delayMillis() > 0) {
                Pause.millis(answer.delayMillis());
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        }
    }

    private final HttpServer server;
    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.start();
    }

    Subscriber subscriber(String name) {
        return subscribers.computeIfAbsent(name, n -> {
            Subscriber s = new Subscriber(n);
            server.createContext("/hooks/" + n, exchange -> {
                try {
                    s.handle(exchange);
                } catch (RuntimeException e) {
                    exchange.sendResponseHeaders(500, -1);
                    exchange.close();
                }
            });
            return s;
        });
    }

    static boolean verifies(String secret, String id, String timestamp, String body, String header) {
        if (secret == null || id == null || timestamp == null || header == null) {
            return false;
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String candidate : header.split(" ")) {
                if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
