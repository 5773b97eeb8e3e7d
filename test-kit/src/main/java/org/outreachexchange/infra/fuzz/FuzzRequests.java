package org.outreachexchange.infra.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.outreachexchange.infra.TestAgencies;
import org.outreachexchange.infra.fuzz.FuzzTargets.Parameter;
import org.outreachexchange.infra.fuzz.FuzzTargets.Target;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Generates requests for a service from its OpenAPI document: each one starts as a valid-looking request for an
 * operation (values from the schema, ids the service answered with earlier) and then, mostly, has one thing made
 * hostile: a body field (boundary numbers, huge and tiny exponents, control characters, lone surrogates, RTL and
 * combining text, over-long strings, wrong types, missing and unknown fields, arrays over their maximum), the whole
 * body (malformed JSON, 10,000-deep nesting, invalid UTF-8, UTF-16, over the size limit, chunked), a path id, a query
 * parameter ({@code limit}, {@code after}, dates, codes), a header, the content type or the token. Pure and seedable:
 * the same seed and the same answers give the same requests.
 */
public final class FuzzRequests {

    /** The Authorization header of an agency with every role, and refused ones by name (a null value sends none). */
    public record Credentials(String valid, Map<String, String> refused) {
        public Credentials {
            refused = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(refused));
        }

        /**
         * The usual set: {@code valid} (every role) for most requests, and now and then none, a malformed one, another
         * scheme, and the given tokens of a reader, another government, an expired one and one signed by an untrusted key.
         */
        public static Credentials of(String valid, String reader, String otherGovernment, String expired, String untrusted) {
            Map<String, String> refused = new LinkedHashMap<>();
            refused.put("none", null);
            refused.put("malformed token", "Bearer abc.def.ghi");
            refused.put("empty bearer", "Bearer ");
            refused.put("Basic scheme", "Basic dXNlcjpwYXNz");
            refused.put("reader role only", reader);
            refused.put("another government", otherGovernment);
            refused.put("expired token", expired);
            refused.put("untrusted key", untrusted);
            return new Credentials(valid, refused);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> COUNTRIES = List.of("MY", "TH", "PH", "VN", "ID", "CN", "IN", "SG", "KR", "PK");
    private static final List<String> GOVERNMENTS = TestAgencies.PARTNERS;
    private static final String JSON_TYPE = "application/json";

    private final long seed;
    private final Random random;
    private final FuzzTargets targets;
    private final Credentials credentials;
    private final List<String> mapKeys;
    private final Map<String, List<JsonNode>> examples = new LinkedHashMap<>();
    private long index;

    public FuzzRequests(long seed, FuzzTargets targets, Credentials credentials) {
        this(seed, targets, credentials, Map.of());
    }

    /** With bodies the service accepts, by operation ({@code "POST /activities"}), to start from half the time. */
    public FuzzRequests(long seed, FuzzTargets targets, Credentials credentials, Map<String, List<String>> examples) {
        if (targets.targets().isEmpty()) {
            throw new IllegalArgumentException("the OpenAPI document declares no operations");
        }
        this.seed = seed;
        this.random = new Random(seed);
        this.targets = targets;
        this.credentials = credentials;
        this.mapKeys = List.copyOf(targets.enumConstants());
        examples.forEach((target, bodies) -> this.examples.put(target, bodies.stream().map(FuzzRequests::parse).toList()));
    }

    private static JsonNode parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("an example body is not JSON: " + json, e);
        }
    }

    public long seed() {
        return seed;
    }

    public FuzzRequest next(Learned learned) {
        Target target = Hostile.pick(random, targets.targets());
        Draft draft = new Draft(target, learned);
        int roll = random.nextInt(100);
        boolean hasBody = target.bodyType().isPresent();
        boolean hasPathParameters = !target.in("path").isEmpty();
        if (roll < 12) {
            draft.probe = "nothing (valid-looking)";
        } else if (roll < 45 && hasBody) {
            draft.mutateField();
        } else if (roll < 55 && hasBody) {
            draft.malformBody();
        } else if (roll < 67 && hasPathParameters) {
            draft.mutatePath();
        } else if (roll < 80) {
            draft.mutateQuery();
        } else if (roll < 87) {
            draft.mutateContent();
        } else if (roll < 93 && !target.in("header").isEmpty()) {
            draft.mutateHeader();
        } else {
            draft.mutateAuthorization();
        }
        return draft.build(index++);
    }

    /** A request being built: valid-looking until one of the mutations changes it. */
    private final class Draft {
        private final Target target;
        private final Learned learned;
        private final Map<String, String> pathValues = new LinkedHashMap<>();
        private final List<String[]> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private JsonNode body;
        private byte[] rawBody;
        private boolean chunked;
        private String probe;

        Draft(Target target, Learned learned) {
            this.target = target;
            this.learned = learned;
            String collection = Learned.collectionOf(target.path());
            String lastId = null;
            for (Parameter p : target.in("path")) {
                String value = validPathValue(p, collection);
                pathValues.put(p.name(), value);
                lastId = value;
            }
            for (Parameter p : target.in("query")) {
                if (p.required() || random.nextInt(100) < 30) {
                    query.add(new String[]{p.name(), encode(validText(p.name(), p.schema()))});
                }
            }
            headers.put("Accept", target.produces() + ", application/problem+json");
            if (credentials.valid() != null) {
                headers.put("Authorization", credentials.valid());
            }
            for (Parameter p : target.in("header")) {
                if (p.required() || random.nextInt(100) < 40) {
                    headers.put(p.name(), validHeader(p.name(), lastId));
                }
            }
            target.bodyType().ifPresent(type -> {
                headers.put("Content-Type", type);
                List<JsonNode> known = examples.getOrDefault(target.toString(), List.of());
                body = !known.isEmpty() && random.nextBoolean() ? Hostile.pick(random, known).deepCopy() : valid(null, target.bodySchema(), 0);
            });
        }

        void mutateField() {
            List<Location> locations = new ArrayList<>();
            locate(body, null, null, -1, target.bodySchema(), "body", locations);
            Location at = Hostile.pick(random, locations);
            JsonNode schema = targets.resolve(at.schema);
            int choice = random.nextInt(100);
            if (at.node != null && at.node.isArray() && choice < 35) {
                int max = schema.path("maxItems").asInt(0);
                int size = max > 0 && random.nextBoolean() ? max + 1 : Hostile.pick(random, List.of(1_001, 10_000));
                JsonNode item = at.node.isEmpty() ? NODES.textNode("MY") : at.node.get(0);
                ArrayNode huge = NODES.arrayNode();
                for (int i = 0; i < size; i++) {
                    huge.add(item.deepCopy());
                }
                replace(at, huge);
                probe = at.path + "=" + size + " items" + (max > 0 ? " (maxItems " + max + ")" : " (no maxItems)");
            } else if (at.parent instanceof ObjectNode parent && choice < 45) {
                parent.remove(at.field);
                probe = at.path + " missing";
            } else if (at.node instanceof ObjectNode object && choice < 55) {
                object.put("unexpected" + random.nextInt(100), "x");
                probe = at.path + " with an unknown field";
            } else {
                List<Hostile.Value> catalogue = catalogueFor(schema, random.nextInt(100) < 60);
                Hostile.Value value = Hostile.pick(random, catalogue);
                Integer max = schema.has("maxLength") ? schema.get("maxLength").asInt() : null;
                replace(at, value.value().apply(max));
                probe = at.path + "=" + value.name();
            }
        }

        void malformBody() {
            String valid = JsonText.write(body);
            body = null;
            int choice = random.nextInt(20);
            switch (choice) {
                case 0 -> raw("empty body", "");
                case 1 -> raw("truncated JSON", valid.substring(0, random.nextInt(Math.max(1, valid.length()))));
                case 2 -> raw("trailing garbage", valid + "}garbage");
                case 3 -> raw("single quotes", valid.replace('"', '\''));
                case 4 -> raw("trailing comma", valid.endsWith("}") ? valid.substring(0, valid.length() - 1) + ",}" : valid + ",");
                case 5 -> raw("NaN", "{\"a\":NaN}");
                case 6 -> raw("comment", "/* comment */" + valid);
                case 7 -> raw("null body", Hostile.pick(random, List.of("null", "[]", "\"text\"", "123", "true")));
                case 8 -> raw("duplicate fields", valid.startsWith("{\"") ? "{\"type\":\"x\",\"type\":\"y\"," + valid.substring(1) : "{\"a\":1,\"a\":2}");
                case 9 -> rawBytes("byte-order mark", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(valid)));
                case 10 -> raw("invalid UTF-8", valid.replaceFirst("\"([^\"]*)\"", "\"\u0001MARK\u0001\""));
                case 11 -> rawBytes("UTF-16", valid.getBytes(StandardCharsets.UTF_16));
                case 12 -> raw("10,000-deep array", Hostile.deepArray());
                case 13 -> raw("10,000-deep object", Hostile.deepObject());
                case 14 -> raw("300 KB body", "{\"title\":\"" + "a".repeat(300_000) + "\"}");
                case 15 -> {
                    raw("300 KB chunked body", "[" + "1,".repeat(150_000) + "1]");
                    chunked = true;
                }
                case 16 -> raw("200 KB of whitespace", " ".repeat(200_000) + valid);
                case 17 -> raw("empty object", "{}");
                case 18 -> raw("CESU-8 surrogate bytes", valid.replaceFirst("\"([^\"]*)\"", "\"\u0002MARK\u0002\""));
                default -> raw("escaped NUL in a key", "{\"\\u0000\":1}");
            }
            if (rawBody != null && choice == 10) {
                rawBody = replaceMark(rawBody, '\u0001', new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
            } else if (rawBody != null && choice == 18) {
                rawBody = replaceMark(rawBody, '\u0002', new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80});
            }
        }

        void mutatePath() {
            List<Parameter> parameters = target.in("path");
            Parameter p = Hostile.pick(random, parameters);
            Hostile.Text value = Hostile.pick(random, Hostile.PATH_IDS);
            pathValues.put(p.name(), value.value());
            probe = "path " + p.name() + "=" + value.name();
        }

        void mutateQuery() {
            int choice = random.nextInt(100);
            Hostile.Text value;
            String name;
            if (choice < 25) {
                name = "limit";
                value = Hostile.pick(random, Hostile.LIMITS);
            } else if (choice < 45) {
                name = "after";
                String cursor = learned.cursor(random);
                value = cursor != null && random.nextBoolean()
                        ? new Hostile.Text("a cursor the service gave", encode(cursor))
                        : Hostile.pick(random, Hostile.CURSORS);
            } else if (choice < 85 && !target.in("query").isEmpty()) {
                Parameter p = Hostile.pick(random, target.in("query"));
                name = p.name();
                String lower = name.toLowerCase(Locale.ROOT);
                List<Hostile.Text> catalogue = lower.equals("from") || lower.equals("to") || lower.equals("at")
                        ? Hostile.DATES : lower.equals("limit") ? Hostile.LIMITS : lower.equals("after") ? Hostile.CURSORS : Hostile.CODES;
                value = Hostile.pick(random, random.nextInt(4) == 0 ? Hostile.PATH_IDS : catalogue);
            } else if (choice < 93) {
                name = "unknown";
                value = new Hostile.Text("unknown parameter", "1");
            } else {
                name = target.in("query").isEmpty() ? "limit" : target.in("query").get(0).name();
                value = new Hostile.Text("repeated", "1");
                query.add(new String[]{name, "2"});
            }
            String finalName = name;
            query.removeIf(q -> q[0].equals(finalName) && !value.name().equals("repeated"));
            query.add(new String[]{name, value.value()});
            probe = "query " + name + "=" + value.name();
        }

        void mutateContent() {
            if (target.bodyType().isPresent() && random.nextInt(100) < 70) {
                if (random.nextInt(6) == 0) {
                    headers.remove("Content-Type");
                    probe = "no Content-Type";
                } else {
                    Hostile.Text type = Hostile.pick(random, Hostile.CONTENT_TYPES);
                    headers.put("Content-Type", type.value());
                    probe = "Content-Type " + type.name();
                }
            } else if (target.bodyType().isEmpty() && random.nextBoolean()) {
                headers.put("Content-Type", JSON_TYPE);
                rawBody = utf8("{\"unexpected\":\"body\"}");
                probe = "a body where none is declared";
            } else {
                Hostile.Text accept = Hostile.pick(random, Hostile.ACCEPTS);
                headers.put("Accept", accept.value());
                probe = "Accept " + accept.name();
            }
        }

        void mutateHeader() {
            Parameter p = Hostile.pick(random, target.in("header"));
            Hostile.Text value = Hostile.pick(random, Hostile.HEADERS);
            headers.put(p.name(), value.value());
            probe = "header " + p.name() + "=" + value.name();
        }

        void mutateAuthorization() {
            List<String> names = new ArrayList<>(credentials.refused().keySet());
            if (names.isEmpty()) {
                probe = "nothing (valid-looking)";
                return;
            }
            String name = Hostile.pick(random, names);
            String value = credentials.refused().get(name);
            if (value == null) {
                headers.remove("Authorization");
            } else {
                headers.put("Authorization", value);
            }
            probe = "Authorization " + name;
        }

        private void raw(String name, String text) {
            rawBytes(name, utf8(text));
        }

        private void rawBytes(String name, byte[] bytes) {
            rawBody = bytes;
            probe = "body " + name;
        }

        private void replace(Location at, JsonNode value) {
            if (at.parent == null) {
                body = value;
            } else if (at.parent instanceof ObjectNode object) {
                object.set(at.field, value);
            } else if (at.parent instanceof ArrayNode array) {
                array.set(at.index, value);
            }
        }

        FuzzRequest build(long index) {
            String path = target.path();
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            StringBuilder uri = new StringBuilder(path);
            for (int i = 0; i < query.size(); i++) {
                uri.append(i == 0 ? '?' : '&').append(query.get(i)[0]).append('=').append(query.get(i)[1]);
            }
            byte[] bytes = rawBody != null ? rawBody : body != null ? utf8(JsonText.write(body)) : null;
            return new FuzzRequest(index, target.toString(), probe, target.method(), uri.toString(), headers, bytes, chunked,
                    target.streams());
        }

        private String validPathValue(Parameter p, String collection) {
            String lower = p.name().toLowerCase(Locale.ROOT);
            if (lower.equals("id") || lower.endsWith("id")) {
                String known = learned.id(lower.equals("id") ? collection : collection + "/" + p.name(), random);
                if (known == null) {
                    known = learned.id(collection, random);
                }
                return known != null && random.nextInt(100) < 80 ? known : new UUID(random.nextLong(), random.nextLong()).toString();
            }
            if (lower.equals("token")) {
                return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            }
            return encode(validText(p.name(), p.schema()));
        }

        private String validHeader(String name, String id) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "idempotency-key" -> "fuzz-" + new UUID(random.nextLong(), random.nextLong());
                case "if-match" -> {
                    String etag = learned.etag(id);
                    yield etag != null ? etag : "\"" + (1 + random.nextInt(3)) + "\"";
                }
                case "last-event-id" -> Integer.toString(random.nextInt(10));
                default -> "x";
            };
        }
    }

    /** A place in the body: the node there (null at a missing one), how its parent holds it, and its schema. */
    private record Location(JsonNode node, JsonNode parent, String field, int index, JsonNode schema, String path) {
    }

    private void locate(JsonNode node, JsonNode parent, String field, int index, JsonNode schema, String path, List<Location> out) {
        out.add(new Location(node, parent, field, index, schema, path));
        JsonNode resolved = targets.resolve(schema);
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode child = resolved.path("properties").has(f.getKey()) ? resolved.path("properties").get(f.getKey())
                        : resolved.path("additionalProperties");
                locate(f.getValue(), object, f.getKey(), -1, child, path + "." + f.getKey(), out);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                locate(array.get(i), array, null, i, resolved.path("items"), path + "[" + i + "]", out);
            }
        }
    }

    private List<Hostile.Value> catalogueFor(JsonNode schema, boolean matching) {
        String type = type(schema);
        if (matching && ("string".equals(type) || schema.has("enum"))) {
            return Hostile.STRINGS;
        }
        if (matching && ("number".equals(type) || "integer".equals(type))) {
            return Hostile.NUMBERS;
        }
        return switch (random.nextInt(3)) {
            case 0 -> Hostile.STRINGS;
            case 1 -> Hostile.NUMBERS;
            default -> Hostile.WRONG_TYPES;
        };
    }

    /** A valid-looking value for a schema; {@code name} is the property it goes in, which says more than many schemas. */
    JsonNode valid(String name, JsonNode schema, int depth) {
        JsonNode s = targets.resolve(schema);
        JsonNode examples = schema == null ? NODES.missingNode() : schema.path("examples");
        if (examples.isArray() && examples.size() > 0 && examples.get(0).isTextual() && "object".equals(type(s))) {
            // The property is written as text although its type's schema is an object (a YearMonth as "2008-09").
            return NODES.textNode(name != null && name.equalsIgnoreCase("month") ? validText(name, s) : examples.get(0).asText());
        }
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(random.nextInt(s.get("enum").size())).deepCopy();
        }
        String type = type(s);
        if ("object".equals(type) || s.has("properties") || s.has("additionalProperties")) {
            ObjectNode object = NODES.objectNode();
            if (depth > 6) {
                return object;
            }
            Set<String> required = new java.util.HashSet<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> properties = s.path("properties").fields(); properties.hasNext(); ) {
                Map.Entry<String, JsonNode> property = properties.next();
                if (required.contains(property.getKey()) || random.nextInt(100) < 60) {
                    object.set(property.getKey(), valid(property.getKey(), property.getValue(), depth + 1));
                }
            }
            JsonNode values = s.path("additionalProperties");
            if (values.isObject() && !mapKeys.isEmpty()) {
                for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                    object.set(Hostile.pick(random, mapKeys), valid(name, values, depth + 1));
                }
            }
            return object;
        }
        if ("array".equals(type)) {
            ArrayNode array = NODES.arrayNode();
            int min = Math.max(1, s.path("minItems").asInt(1));
            int max = s.has("maxItems") ? s.get("maxItems").asInt() : 3;
            int size = Math.min(max, min + random.nextInt(2));
            for (int i = 0; i < size && depth <= 6; i++) {
                array.add(valid(name, s.path("items"), depth + 1));
            }
            return array;
        }
        if ("integer".equals(type)) {
            long min = s.path("minimum").asLong(1);
            long max = s.path("maximum").asLong(min + 9);
            return NODES.numberNode(min + (long) (random.nextDouble() * (max - min)));
        }
        if ("number".equals(type)) {
            double min = s.path("minimum").asDouble(0);
            double max = s.path("maximum").asDouble(1);
            return NODES.numberNode(new java.math.BigDecimal(min + random.nextDouble() * (max - min)).setScale(2, java.math.RoundingMode.DOWN));
        }
        if ("boolean".equals(type)) {
            return NODES.booleanNode(random.nextBoolean());
        }
        return NODES.textNode(validText(name, s));
    }

    private String validText(String name, JsonNode schema) {
        JsonNode s = targets.resolve(schema);
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(random.nextInt(s.get("enum").size())).asText();
        }
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        String format = s.path("format").asText("");
        String pattern = s.path("pattern").asText("");
        if (format.equals("date") || lower.equals("from") || lower.equals("to") || lower.equals("at") || (name != null && name.endsWith("On"))
                || lower.equals("start") || lower.equals("end")) {
            return LocalDate.of(2008, 1, 1).plusDays(random.nextInt(700)).toString();
        }
        if (format.equals("date-time")) {
            return "2008-0" + (1 + random.nextInt(9)) + "-15T00:00:00Z";
        }
        if (format.equals("uuid")) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        if (lower.equals("month")) {
            return "2008-" + String.format("%02d", 1 + random.nextInt(12));
        }
        if (lower.contains("government") || pattern.equals("[A-Z]{2,3}")) {
            return Hostile.pick(random, GOVERNMENTS);
        }
        if (lower.contains("countr") || lower.contains("recipient") || pattern.equals("[A-Z]{2}")) {
            return Hostile.pick(random, COUNTRIES);
        }
        if (lower.equals("url") || format.equals("uri")) {
            return "https://partner.example/hooks/" + random.nextInt(1000);
        }
        JsonNode examples = s.path("examples");
        if (examples.isArray() && examples.size() > 0 && examples.get(0).isTextual() && random.nextBoolean()) {
            return examples.get(0).asText();
        }
        int max = s.path("maxLength").asInt(60);
        String text = "Fuzz " + (name == null ? "text" : name) + " " + random.nextInt(100_000);
        return text.length() <= max ? text : text.substring(0, Math.max(1, max));
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return type.isTextual() ? type.asText() : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Puts {@code bytes} where the text between two {@code mark} characters is (the first such place). */
    private static byte[] replaceMark(byte[] body, char mark, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean inside = false;
        boolean done = false;
        for (byte b : body) {
            if (!done && b == (byte) mark) {
                if (inside) {
                    out.writeBytes(bytes);
                    done = true;
                }
                inside = !inside;
            } else if (!inside) {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
