package org.outreachexchange.infra.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.outreachexchange.infra.OpenApiOperations;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the fuzzer needs of a service's OpenAPI document: each operation's parameters, its request body's schema and
 * media type, and the document's schemas to resolve references in. Quarkus' own {@code /q/} endpoints are left out.
 */
public final class FuzzTargets {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final JsonNode document;
    private final List<Target> targets;

    private FuzzTargets(JsonNode document, List<Target> targets) {
        this.document = document;
        this.targets = List.copyOf(targets);
    }

    /** A parameter in the path, query or a header, with its schema (references unresolved). */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One operation. {@code bodyType} is the media type its body is declared with (empty when it takes none);
     * {@code streams} marks an answer that never ends (Server-Sent Events), which the fuzzer reads only to its headers;
     * {@code produces} is the media type of its success answer, which a valid-looking request accepts.
     */
    public record Target(String method, String path, List<Parameter> parameters, Optional<String> bodyType,
                         JsonNode bodySchema, boolean streams, String produces) {

        public Target {
            parameters = List.copyOf(parameters);
        }

        public List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Reads a running service's document, e.g. its {@code /q/openapi}. */
    public static FuzzTargets read(URI document) {
        return of(OpenApiOperations.document(document));
    }

    public static FuzzTargets of(JsonNode document) {
        List<Target> targets = new ArrayList<>();
        JsonNode paths = document.path("paths");
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            if (path.startsWith("/q/")) {
                continue;
            }
            JsonNode item = paths.get(path);
            for (Iterator<String> keys = item.fieldNames(); keys.hasNext(); ) {
                String method = keys.next();
                if (METHODS.contains(method.toLowerCase(Locale.ROOT))) {
                    targets.add(target(method, path, item, item.get(method)));
                }
            }
        }
        return new FuzzTargets(document, targets);
    }

    public List<Target> targets() {
        return targets;
    }

    /** Without the operations under {@code pathPrefix}, e.g. a test-only resource that fails on purpose. */
    public FuzzTargets without(String pathPrefix) {
        return new FuzzTargets(document, targets.stream().filter(t -> !t.path().startsWith(pathPrefix)).toList());
    }

    /** Follows {@code $ref}s (and a lone {@code allOf}) to the schema they name; a missing schema is an empty one. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema == null ? MissingNode.getInstance() : schema;
        for (int hops = 0; hops < 20; hops++) {
            if (current.has("$ref")) {
                current = document.at(current.get("$ref").asText().substring(1));
            } else if (current.has("allOf") && current.get("allOf").size() == 1 && !current.has("properties")) {
                current = current.get("allOf").get(0);
            } else {
                return current;
            }
        }
        return current;
    }

    /** Every enum constant the document declares: the likely keys of its maps (a {@code Map<Element, ...>} says no more). */
    public Set<String> enumConstants() {
        Set<String> constants = new LinkedHashSet<>();
        document.findValues("enum").forEach(values -> values.forEach(v -> {
            if (v.isTextual()) {
                constants.add(v.asText());
            }
        }));
        return constants;
    }

    private static Target target(String method, String path, JsonNode item, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode source : List.of(item.path("parameters"), operation.path("parameters"))) {
            source.forEach(p -> parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                    p.path("required").asBoolean(false), p.path("schema"))));
        }
        Optional<String> bodyType = Optional.empty();
        JsonNode bodySchema = MissingNode.getInstance();
        JsonNode content = operation.path("requestBody").path("content");
        Iterator<String> types = content.fieldNames();
        if (types.hasNext()) {
            String type = types.next();
            bodyType = Optional.of(type);
            bodySchema = content.get(type).path("schema");
        }
        boolean streams = false;
        String produces = "application/json";
        for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext(); ) {
            Map.Entry<String, JsonNode> response = responses.next();
            JsonNode answer = response.getValue().path("content");
            streams |= answer.has("text/event-stream");
            if (response.getKey().startsWith("2") && answer.fieldNames().hasNext()) {
                produces = answer.fieldNames().next();
            }
        }
        return new Target(method.toUpperCase(Locale.ROOT), path, parameters, bodyType, bodySchema, streams, produces);
    }
}
