package org.outreachexchange.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A JSON Schema (2020-12) that a service publishes under {@code META-INF/resources/schemas}, with format assertions on
 * (dates, date-times and uuids are checked, not only annotated). The schemas are the event-schemas module's (on every
 * service's classpath); consumers' contract tests replay that module's recorded events rather than read a sibling's tree.
 */
public final class EventSchema {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCES = "META-INF/resources/schemas/";

    private final JsonSchema schema;

    private EventSchema(JsonSchema schema) {
        this.schema = schema;
    }

    /** {@code name} (e.g. {@code activity-event.schema.json}) as this module publishes it. */
    public static EventSchema fromClasspath(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + RESOURCES + name + " on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EventSchema parse(String schemaJson) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return new EventSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson, config));
    }

    /** The schema's complaints about {@code json}; empty when it conforms. */
    public List<String> violations(String json) {
        try {
            return violations(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> violations(JsonNode json) {
        return schema.validate(json).stream().map(ValidationMessage::getMessage).toList();
    }
}
