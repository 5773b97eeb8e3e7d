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

    private static final int MAX_BODY = 64 * 1024;

    /** An answer: status, headers (names in lower case, first value) and up to 64 KiB of the body; status -1 if none came. */
    public record Answer(int status, Map<String, String> headers, String body, String failure) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    public FuzzClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public Answer send(FuzzRequest request) {
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
