package org.outreachexchange.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;

/** A partner's webhook endpoint on 127.0.0.1 that records every call and answers as the test scripts it. */
final class WebhookReceiver implements AutoCloseable {

    record Call(String webhookId, String timestamp, String signature, String body, int answered, Instant at) {
    }

    record Answer(int status, String retryAfter) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next calls get these answers in turn; afterwards 204. */
    WebhookReceiver answer(int status, String retryAfter) {
        script.add(new Answer(status, retryAfter));
        return this;
    }

    /** Every call waits, unanswered, until {@code release} opens: an endpoint that has gone silent. */
    WebhookReceiver holdUntil(CountDownLatch release) {
        this.hold = release;
        return this;
    }

    List<Call> calls() {
        return calls;
    }

    /** Calls answered 2xx: the events the partner actually took in. */
    List<Call> accepted() {
        return calls.stream().filter(c -> c.answered() / 100 == 2).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Answer answer = script.poll();
        int status = answer == null ? 204 : answer.status();
        calls.add(new Call(exchange.getRequestHeaders().getFirst("webhook-id"), exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8), status, Instant.now()));
        if (answer != null && answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Standard Webhooks verification, written independently of the gateway's signer. */
    static boolean verifies(String secret, Call call) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = Base64.getEncoder().encodeToString(
                    mac.doFinal((call.webhookId() + "." + call.timestamp() + "." + call.body()).getBytes(StandardCharsets.UTF_8)));
            for (String candidate : call.signature().split(" ")) {
                if (candidate.equals("v1," + expected)) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
