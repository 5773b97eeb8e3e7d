package org.outreachexchange.gateway;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An open Server-Sent Events connection collecting its "id:" and "data:" lines. */
final class SseStream implements AutoCloseable {

    final List<String> ids = new CopyOnWriteArrayList<>();
    final List<String> data = new CopyOnWriteArrayList<>();
    /** When the server ended the stream (null while it is open or when the test closed it). */
    volatile Instant endedAt;
    private final InputStream body;

    SseStream(URI uri, String bearer, String lastEventId) throws Exception {
        this(uri, Map.of("Authorization", bearer), lastEventId);
    }

    /** A stream opened with these headers instead of a bearer token, e.g. the console's session cookie. */
    SseStream(URI uri, Map<String, String> headers, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()).get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        body = response.body();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("id:")) {
                        ids.add(line.substring(3).trim());
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).trim());
                    }
                }
                endedAt = Instant.now();
            } catch (java.io.IOException closed) {
                // the test closed the stream
            }
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void close() throws Exception {
        body.close();
    }
}
