package org.outreachexchange.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.outreachexchange.deploy.LocalStack;
import org.outreachexchange.deploy.ServiceSpec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/** The agencies' side: plan activities at a scheduling-service, subscribe at the gateway. */
final class Api {

    static final String AGENCY = "BENCH";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Subscribed(String id, String secret) {
    }

    private final LocalStack stack;
    private final HttpClient http;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Long> tokenIssued = new ConcurrentHashMap<>();

    Api(LocalStack stack, int threads) {
        this.stack = stack;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newFixedThreadPool(threads)).build();
    }

    /**
     * One token per government at a time, so the services' cache of verified tokens works as for a real agency; the
     * launcher's tokens live 12 hours, a fresh one every 30 minutes keeps long runs authorised.
     */
    String bearer(String government) {
        long now = System.nanoTime();
        Long issued = tokenIssued.get(government);
        if (issued == null || now - issued > Duration.ofMinutes(30).toNanos()) {
            tokens.put(government, stack.bearer(government, AGENCY));
            tokenIssued.put(government, now);
        }
        return tokens.get(government);
    }

    static String activity(String marker) {
        long seq = Long.parseLong(marker.substring(marker.lastIndexOf('-') + 1));
        return "{\"type\":\"INDUSTRY_OUTREACH_SEMINAR\",\"title\":\"" + marker + "\",\"recipients\":[\"" + Workload.recipient(seq) + "\"],"
                + "\"schedule\":{\"precision\":\"DATES\",\"start\":\"" + Workload.start(seq) + "\",\"end\":\"" + Workload.start(seq).plusDays(1) + "\"},"
                + "\"location\":\"Kuala Lumpur\",\"agenda\":[\"Opening\",\"Catch-all controls\",\"Internal compliance programmes\"],"
                + "\"objectives\":[{\"element\":\"INDUSTRY_COOPERATION\",\"text\":\"Introduce internal compliance programmes to exporters\"}],"
                + "\"status\":\"PLANNED\",\"distribution\":{\"scope\":\"ALL_PARTNERS\",\"governments\":[]}}";
    }

    /** POST /activities with the marker as title and as Idempotency-Key, so a retry plans nothing new. */
    CompletableFuture<HttpResponse<String>> plan(String government, String marker, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url(ServiceSpec.scheduling(government)) + "/activities"))
                .timeout(timeout)
                .header("Authorization", bearer(government))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", marker)
                .POST(HttpRequest.BodyPublishers.ofString(activity(marker)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    Subscribed subscribe(String government, String url) {
        String body = "{\"kind\":\"SCHEDULES\",\"channel\":\"WEBHOOK\",\"url\":\"" + url + "\"}";
        JsonNode created = send(government, "POST", "/subscriptions", body, 201);
        return new Subscribed(created.get("id").asText(), created.get("secret").asText());
    }

    JsonNode subscription(String government, String id) {
        return send(government, "GET", "/subscriptions/" + id, null, 200);
    }

    List<JsonNode> deadLetters(String government, String subscriptionId) {
        JsonNode list = send(government, "GET", "/subscriptions/" + subscriptionId + "/dead-letters", null, 200);
        return list == null ? List.of() : iterate(list);
    }

    void replay(String government, String subscriptionId, String deliveryId) {
        send(government, "POST", "/subscriptions/" + subscriptionId + "/dead-letters/" + deliveryId + "/replay", null, 202);
    }

    private static List<JsonNode> iterate(JsonNode array) {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    private JsonNode send(String government, String method, String path, String body, int expected) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.url(ServiceSpec.GATEWAY) + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", bearer(government));
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
