package org.outreachexchange.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Pages through a gateway's {@code GET /exchange-log} and writes each page as one line, for offline verification. */
final class ExchangeLogDownload {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExchangeLogDownload() {
    }

    static int fetch(String gateway, String token, String government, Path out) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String base = gateway.replaceAll("/+$", "") + "/exchange-log?limit=1000"
                + (government == null ? "" : "&government=" + URLEncoder.encode(government, StandardCharsets.UTF_8));
        int count = 0;
        String cursor = null;
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            do {
                String url = cursor == null ? base : base + "&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalArgumentException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
                }
                JsonNode page = JSON.readTree(response.body());
                writer.write(JSON.writeValueAsString(page.path("entries")));
                writer.newLine();
                count += page.path("entries").size();
                cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
            } while (cursor != null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the exchange log", e);
        }
        return count;
    }
}
