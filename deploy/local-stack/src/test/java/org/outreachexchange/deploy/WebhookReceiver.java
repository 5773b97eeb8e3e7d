package org.outreachexchange.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A subscriber's endpoint on 127.0.0.1: records every webhook call and answers 204. */
final class WebhookReceiver implements AutoCloseable {

    /** One call as received, body byte for byte (the signature covers the exact bytes). */
    record Call(String path, String id, String timestamp, String signature, String body) {

        JsonNode json() {
            try {
                return StackHttp.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String type() {
            return json().path("type").asText();
        }

        JsonNode data() {
            return json().path("data");
        }

        /** Standard Webhooks: one of the space-separated "v1,<base64>" signatures is HMAC-SHA256(id.timestamp.body). */
        boolean signedWith(String secret) {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
                return Arrays.stream(signature.split(" ")).filter(s -> s.startsWith("v1,"))
                        .map(s -> Base64.getDecoder().decode(s.substring(3)))
                        .anyMatch(given -> MessageDigest.isEqual(given, expected));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                calls.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
