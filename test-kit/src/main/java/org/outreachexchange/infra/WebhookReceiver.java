package org.outreachexchange.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Partners' webhook endpoints on 127.0.0.1, every path one endpoint. Each call is recorded as it arrived (the body byte
 * for byte, which the signature covers) and answered 204, or as the test scripts it: the next answers in turn
 * ({@link #answer}), all held until a latch opens ({@link #holdUntil}), or per path by attempt ({@link #respond}).
 * {@link Call#signedWith} is the Standard Webhooks verification, written independently of the gateway's signer.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call as received; {@code nanos} is System.nanoTime at arrival, {@code answered} the status sent back. */
    public record Call(String path, String webhookId, String timestamp, String signature, String body, int answered,
                       Instant at, long nanos) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String type() {
            return json().path("type").asText();
        }

        public JsonNode data() {
            return json().path("data");
        }

        /**
         * Standard Webhooks: one of the space-separated {@code v1,<base64>} signatures is HMAC-SHA256 of
         * {@code id.timestamp.body} under the base64 key after {@code whsec_}. False when anything is missing or malformed.
         */
        public boolean signedWith(String secret) {
            if (secret == null || !secret.startsWith("whsec_") || webhookId == null || timestamp == null || signature == null) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                byte[] expected = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
                for (String candidate : signature.split(" ")) {
                    if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                        return true;
                    }
                }
                return false;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }
    }

    /** What an endpoint sends back, after {@code delay}; {@code retryAfter} null sends no Retry-After header. */
    public record Answer(int status, Duration delay, String retryAfter) {
        public static final Answer OK = new Answer(204, Duration.ZERO, null);
    }

    /** How an endpoint answers the n-th attempt (1-based) of a webhook-id. */
    public interface Responder {
        Answer answer(String webhookId, int attempt);
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(WebhookReceiver::daemon);
    private final ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor(WebhookReceiver::daemon);
    private final Consumer<Call> listener;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final Map<String, Responder> responders = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);

    /** A receiver that keeps every call. */
    public WebhookReceiver() {
        this(null);
    }

    private WebhookReceiver(Consumer<Call> listener) {
        this.listener = listener;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A receiver that keeps nothing and hands every call to {@code listener}: for long runs with many calls. */
    public static WebhookReceiver forwardingTo(Consumer<Call> listener) {
        return new WebhookReceiver(listener);
    }

    public String url() {
        return url("/hook");
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next calls, at any path, get these answers in turn; afterwards 204. */
    public WebhookReceiver answer(int status, String retryAfter) {
        script.add(new Answer(status, Duration.ZERO, retryAfter));
        return this;
    }

    /** Every call waits, unanswered, until {@code release} opens: an endpoint that has gone silent. */
    public WebhookReceiver holdUntil(CountDownLatch release) {
        this.hold = release;
        return this;
    }

    /** Calls to {@code path} are answered as {@code responder} says. */
    public WebhookReceiver respond(String path, Responder responder) {
        responders.put(path, responder);
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    /** Calls answered 2xx: the events the partner actually took in. */
    public List<Call> accepted() {
        return calls.stream().filter(c -> c.answered() / 100 == 2).toList();
    }

    private void handle(HttpExchange exchange) {
        long nanos = System.nanoTime();
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            hold.await();
            Answer answer = answer(path, id);
            Call call = new Call(path, id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, answer.status(), Instant.now(), nanos);
            if (listener == null) {
                calls.add(call);
            } else {
                listener.accept(call);
            }
            if (answer.delay().isZero()) {
                send(exchange, answer);
            } else {
                // A slow endpoint answers later without holding a thread, so it does not slow the other endpoints down.
                delayed.schedule(() -> send(exchange, answer), answer.delay().toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (IOException | RuntimeException e) {
            send(exchange, new Answer(500, Duration.ZERO, null));
        }
    }

    private static void send(HttpExchange exchange, Answer answer) {
        try (exchange) {
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
        } catch (IOException e) {
            // the gateway gave up on the call (its timeout): nothing to answer
        }
    }

    private Answer answer(String path, String webhookId) {
        int attempt = attempts.computeIfAbsent(path + " " + webhookId, k -> new AtomicInteger()).incrementAndGet();
        Responder responder = responders.get(path);
        if (responder != null) {
            return responder.answer(webhookId, attempt);
        }
        Answer scripted = script.poll();
        return scripted == null ? Answer.OK : scripted;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        delayed.shutdownNow();
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "webhook-receiver");
        thread.setDaemon(true);
        return thread;
    }
}
