package org.outreachexchange.infra.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Sends generated requests as they are (HTTP/1.1, raw path and query, raw body bytes) and reads the answers. */
public final class FuzzClient {

    private static final int MAX_BODY = 4 * 1024 * 1024;

    /** An answer: status, headers (names in lower case, first value) and up to 4 MiB of the body; status -1 if none came. */
    public record Answer(int status, Map<String, String> headers, String body, String failure) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private final URI base;
    private final Duration timeout;
    private HttpClient http;
    private long retried;

    public FuzzClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = newClient();
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Requests sent a second time, on a new connection, because the first attempt got no answer at all. */
    public long retried() {
        return retried;
    }

    /**
     * Sends the request; if no answer comes (a pooled connection the server had just closed, e.g. after a 413 or a
     * refused request line), once more on a new connection, and only then reports no answer.
     */
    public Answer send(FuzzRequest request) {
        Answer answer = attempt(request);
        if (answer.status() < 0 && !answer.failure().startsWith("not sendable")) {
            retried++;
            http = newClient();
            answer = attempt(request);
        }
        return answer;
    }

    private Answer attempt(FuzzRequest request) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + request.pathAndQuery())).timeout(timeout);
            request.headers().forEach(builder::header);
        } catch (IllegalArgumentException e) {
            return new Answer(-1, Map.of(), "", "not sendable by the JDK's client: " + e.getMessage());
        }
        byte[] body = request.body();
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : request.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        builder.method(request.method(), publisher);
        try {
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
            String text;
            try (InputStream in = response.body()) {
                boolean stream = headers.getOrDefault("content-type", "").startsWith("text/event-stream");
                text = stream ? "" : new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
            }
            return new Answer(response.statusCode(), headers, text, null);
        } catch (IOException e) {
            return new Answer(-1, Map.of(), "", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fuzzing", e);
        }
    }
}
