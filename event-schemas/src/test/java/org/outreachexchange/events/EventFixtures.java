package org.outreachexchange.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Recorded events for consumers' contract tests (this module's test jar): {@link #released} holds events as producers
 * of every released version wrote them, which a consumer must keep reading; {@link #ahead} holds events of a producer
 * one minor version ahead (a new activity type, a new field), which a consumer built today must read as well.
 */
public final class EventFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "org/outreachexchange/events/";

    /**
     * One recorded event.
     *
     * @param name    its file, e.g. {@code activity-event/1.0/activity-planned.json}
     * @param version the schema version it was written under
     * @param type    its CloudEvent type
     * @param data    its data as sent
     */
    public record Recorded(String name, SchemaVersion version, String type, String data) {

        /** The {@code dataschema} its producer named. */
        public String dataschema() {
            return version.uri();
        }
    }

    private EventFixtures() {
    }

    /** Every recorded event of every released version of {@code schema}, oldest version first. */
    public static List<Recorded> released(EventSchemas schema) {
        return read("fixtures/", schema);
    }

    /** Events of a producer one version ahead of {@code schema}'s current version. */
    public static List<Recorded> ahead(EventSchemas schema) {
        return read("ahead/", schema);
    }

    /** The files of a set, as its {@code index.txt} lists them. */
    static List<String> index(String set) {
        return resource(set + "index.txt").lines().filter(line -> !line.isBlank()).toList();
    }

    private static List<Recorded> read(String set, EventSchemas schema) {
        return index(set).stream().filter(name -> name.startsWith(schema.schemaName() + "/")).map(name -> {
            String version = name.split("/")[1];
            try {
                JsonNode recorded = JSON.readTree(resource(set + name));
                return new Recorded(name, SchemaVersion.of(schema.schemaName(), version), recorded.get("type").asText(),
                        JSON.writeValueAsString(recorded.get("data")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sorted((a, b) -> a.version().compareTo(b.version())).toList();
    }

    private static String resource(String name) {
        try (InputStream in = EventFixtures.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("no " + ROOT + name + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
