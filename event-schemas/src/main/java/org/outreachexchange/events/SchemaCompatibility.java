package org.outreachexchange.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a schema only adds to its last released version, so that every consumer of that major version reads what
 * a producer of the new one writes, and the reverse. Additive: new optional properties, new enum values, wider types
 * and looser bounds. Breaking (listed by {@link #breaks}): a property removed or renamed, a property newly required, a
 * required property made optional, a type, enum, pattern, format or bound narrowed, a definition removed, a reference or composition changed.
 */
public final class SchemaCompatibility {

    private static final List<String> UPPER_BOUNDS = List.of("maxLength", "maxItems", "maximum", "exclusiveMaximum", "maxProperties");
    private static final List<String> LOWER_BOUNDS = List.of("minLength", "minItems", "minimum", "exclusiveMinimum", "minProperties");
    private static final List<String> SAME_OR_ABSENT = List.of("pattern", "format", "const", "$ref", "multipleOf");
    private static final List<String> COMPOSITIONS = List.of("allOf", "anyOf", "oneOf", "not", "if", "then", "else");
    private static final List<String> NESTED = List.of("items", "additionalProperties");

    private SchemaCompatibility() {
    }

    /** What {@code current} breaks of {@code released}, each with its JSON pointer; empty when it only adds. */
    public static List<String> breaks(JsonNode released, JsonNode current) {
        List<String> breaks = new ArrayList<>();
        compare("", released, current, breaks);
        return breaks;
    }

    private static void compare(String at, JsonNode released, JsonNode current, List<String> breaks) {
        String where = at.isEmpty() ? "/" : at;
        if (released == null || released.isMissingNode()) {
            return;
        }
        if (current == null || current.isMissingNode()) {
            breaks.add(where + ": removed");
            return;
        }
        if (released.isBoolean() || current.isBoolean()) {
            // true (anything) may stay true; false may become anything; true may not become false or a schema.
            if (released.isBoolean() && released.asBoolean() && !(current.isBoolean() && current.asBoolean())) {
                breaks.add(where + ": narrowed from any value");
            }
            return;
        }
        if (released.has("enum") && !current.has("enum")) {
            // An enum opened up: what was allowed must still be, and only the values' own type and bounds matter.
            released.get("enum").forEach(value -> stillAllowed(where, value, current, breaks));
        } else {
            types(where, released, current, breaks);
            enumValues(where, released, current, breaks);
            bounds(where, released, current, breaks);
        }
        required(where, released, current, breaks);
        for (String keyword : List.of("properties", "$defs")) {
            JsonNode was = released.path(keyword);
            JsonNode now = current.path(keyword);
            for (Iterator<Map.Entry<String, JsonNode>> it = was.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String child = at + "/" + keyword + "/" + entry.getKey();
                if (!now.has(entry.getKey())) {
                    breaks.add(child + ": removed (or renamed)");
                } else {
                    compare(child, entry.getValue(), now.get(entry.getKey()), breaks);
                }
            }
        }
        for (String keyword : NESTED) {
            if (released.has(keyword) || current.has(keyword)) {
                compare(at + "/" + keyword, released.has(keyword) ? released.get(keyword) : BooleanNode.TRUE,
                        current.has(keyword) ? current.get(keyword) : BooleanNode.TRUE, breaks);
            }
        }
        for (String keyword : COMPOSITIONS) {
            if (!released.path(keyword).equals(current.path(keyword))) {
                breaks.add(where + ": " + keyword + " changed");
            }
        }
    }

    private static void types(String where, JsonNode released, JsonNode current, List<String> breaks) {
        Set<String> was = types(released);
        Set<String> now = types(current);
        if (now.isEmpty()) {
            return;
        }
        // A number accepts every integer, so integer -> number widens.
        Set<String> lost = new HashSet<>(was.isEmpty() ? Set.of("any") : was);
        lost.removeAll(now);
        if (now.contains("number")) {
            lost.remove("integer");
        }
        if (!lost.isEmpty()) {
            breaks.add(where + ": type narrowed from " + (was.isEmpty() ? "any" : was) + " to " + now);
        }
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }

    private static void enumValues(String where, JsonNode released, JsonNode current, List<String> breaks) {
        if (!current.has("enum")) {
            return;
        }
        if (!released.has("enum")) {
            breaks.add(where + ": enum added");
            return;
        }
        Set<JsonNode> now = new HashSet<>();
        current.get("enum").forEach(now::add);
        released.get("enum").forEach(value -> {
            if (!now.contains(value)) {
                breaks.add(where + ": enum value " + value + " removed");
            }
        });
    }

    private static void bounds(String where, JsonNode released, JsonNode current, List<String> breaks) {
        for (String bound : UPPER_BOUNDS) {
            if (current.has(bound) && (!released.has(bound) || current.get(bound).decimalValue().compareTo(released.get(bound).decimalValue()) < 0)) {
                breaks.add(where + ": " + bound + " lowered to " + current.get(bound));
            }
        }
        for (String bound : LOWER_BOUNDS) {
            if (current.has(bound) && (!released.has(bound) || current.get(bound).decimalValue().compareTo(released.get(bound).decimalValue()) > 0)) {
                breaks.add(where + ": " + bound + " raised to " + current.get(bound));
            }
        }
        for (String keyword : SAME_OR_ABSENT) {
            if (current.has(keyword) && !current.get(keyword).equals(released.get(keyword))) {
                breaks.add(where + ": " + keyword + " " + (released.has(keyword) ? "changed" : "added") + ": " + current.get(keyword));
            }
        }
    }

    private static void stillAllowed(String where, JsonNode value, JsonNode current, List<String> breaks) {
        Set<String> types = types(current);
        String type = value.isTextual() ? "string" : value.isIntegralNumber() ? "integer" : value.isNumber() ? "number"
                : value.isBoolean() ? "boolean" : value.isNull() ? "null" : "object";
        boolean allowed = types.isEmpty() || types.contains(type) || (type.equals("integer") && types.contains("number"));
        if (allowed && value.isTextual()) {
            int length = value.asText().codePointCount(0, value.asText().length());
            allowed = (!current.has("pattern") || Pattern.compile(current.get("pattern").asText()).matcher(value.asText()).find())
                    && (!current.has("maxLength") || length <= current.get("maxLength").asInt())
                    && (!current.has("minLength") || length >= current.get("minLength").asInt());
        }
        if (!allowed) {
            breaks.add(where + ": enum value " + value + " no longer allowed");
        }
    }

    private static void required(String where, JsonNode released, JsonNode current, List<String> breaks) {
        Set<String> was = new HashSet<>();
        released.path("required").forEach(r -> was.add(r.asText()));
        Set<String> now = new HashSet<>();
        current.path("required").forEach(r -> now.add(r.asText()));
        now.stream().filter(r -> !was.contains(r)).sorted().forEach(r -> breaks.add(where + ": " + r + " newly required"));
        // Consumers rely on what was required: a producer that may leave it out breaks them.
        was.stream().filter(r -> !now.contains(r)).sorted().forEach(r -> breaks.add(where + ": " + r + " no longer required"));
    }
}
