package org.outreachexchange.infra.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the fuzzer learned from the service's accepted answers, so that later requests aim at things that exist: the
 * ids under each collection (from bodies and Location headers), the ETags of ids, and the cursors of Link headers.
 */
public final class Learned {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern AFTER = Pattern.compile("[?&]after=([^&>]*)");
    private static final int KEEP = 200;

    private final Map<String, List<String>> ids = new LinkedHashMap<>();
    private final Map<String, String> etags = new LinkedHashMap<>();
    private final List<String> cursors = new ArrayList<>();

    /** Takes what an accepted answer to a request for the operation at path {@code template} tells. */
    public void learn(String template, Map<String, String> headers, String body) {
        String collection = collectionOf(template);
        String location = headers.get("location");
        if (location != null) {
            // Location names the collection the new thing lives in, which may not be where it was posted
            // (POST /assessments answers with /proposals/{id}).
            String path = java.net.URI.create(location).getPath();
            Matcher m = UUID.matcher(path);
            if (m.find() && m.end() == path.length()) {
                add(collectionOf(UUID.matcher(path.substring(0, m.start() - 1)).replaceAll("{}") + "/{x}"), m.group());
            }
        }
        String link = headers.get("link");
        if (link != null) {
            Matcher m = AFTER.matcher(link);
            if (m.find()) {
                keep(cursors, URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
            }
        }
        if (body != null && !body.isEmpty() && (body.charAt(0) == '{' || body.charAt(0) == '[')) {
            try {
                JsonNode tree = JSON.readTree(body);
                ids(tree, collection);
                String etag = headers.get("etag");
                if (etag != null && tree.path("id").isTextual()) {
                    etags.put(tree.path("id").asText(), etag);
                }
            } catch (Exception e) {
                // not JSON after all: nothing to learn from it
            }
        }
    }

    String id(String collection, Random random) {
        List<String> known = ids.get(collection);
        return known == null || known.isEmpty() ? null : known.get(random.nextInt(known.size()));
    }

    String etag(String id) {
        return id == null ? null : etags.get(id);
    }

    String cursor(Random random) {
        return cursors.isEmpty() ? null : cursors.get(random.nextInt(cursors.size()));
    }

    /** The literal path a template's last parameter is an id in: {@code /a/{id}/b/{x}} and {@code /a/{id}/b} give {@code /a/{}/b}. */
    static String collectionOf(String template) {
        String path = template.endsWith("}") ? template.substring(0, template.lastIndexOf('/')) : template;
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private void ids(JsonNode tree, String collection) {
        if (tree.isArray()) {
            tree.forEach(item -> ids(item, collection));
        } else if (tree.isObject()) {
            JsonNode id = tree.path("id");
            if (id.isTextual() && UUID.matcher(id.asText()).matches()) {
                add(collection, id.asText());
            }
            JsonNode items = tree.path("items");
            if (items.isArray()) {
                ids(items, collection);
            }
        }
    }

    private void add(String collection, String id) {
        keep(ids.computeIfAbsent(collection, c -> new ArrayList<>()), id);
    }

    private static void keep(List<String> values, String value) {
        if (!values.contains(value)) {
            if (values.size() >= KEEP) {
                values.remove(0);
            }
            values.add(value);
        }
    }
}
