package org.outreachexchange.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations (method and path template) a running service's OpenAPI document declares, so that a test can hold
 * them against what it expects. Quarkus' own endpoints under {@code /q/} are left out.
 */
public final class OpenApiOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiOperations() {
    }

    /** One operation, e.g. {@code GET /activities/{id}}; the path is the document's template. */
    public record Operation(String method, String path) implements Comparable<Operation> {

        public Operation {
            method = method.toUpperCase(Locale.ROOT);
        }

        /** Parses {@code "GET /activities/{id}"}. */
        public static Operation of(String text) {
            String[] parts = text.strip().split("\\s+", 2);
            if (parts.length != 2 || !parts[1].startsWith("/")) {
                throw new IllegalArgumentException("an operation is 'METHOD /path', got '" + text + "'");
            }
            return new Operation(parts[0], parts[1]);
        }

        @Override
        public int compareTo(Operation other) {
            int byPath = path.compareTo(other.path);
            return byPath != 0 ? byPath : method.compareTo(other.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Fetches the document (JSON) at {@code document}, e.g. a service's {@code /q/openapi}. */
    public static Set<Operation> read(URI document) {
        return parse(document(document));
    }

    /** The document (JSON) at {@code document} as a tree, for readers that need more than its operations (the fuzzer). */
    public static JsonNode document(URI document) {
        URI json = URI.create(document + (document.getQuery() == null ? "?" : "&") + "format=json");
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(json)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("OpenAPI document " + json + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document " + json + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + json, e);
        }
    }

    /** The operations of a parsed OpenAPI 3 document, without Quarkus' {@code /q/} endpoints. */
    public static Set<Operation> parse(JsonNode document) {
        Set<Operation> operations = new TreeSet<>();
        JsonNode paths = document.path("paths");
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            if (path.startsWith("/q/")) {
                continue;
            }
            paths.get(path).fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method.toLowerCase(Locale.ROOT))) {
                    operations.add(new Operation(method, path));
                }
            });
        }
        return operations;
    }
}
