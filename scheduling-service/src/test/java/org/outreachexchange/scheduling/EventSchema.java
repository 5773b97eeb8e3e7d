package org.outreachexchange.scheduling;

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
import java.util.List;

/** The published activity-event schema, with format assertions on (dates, date-times and uuids are checked). */
final class EventSchema {

    static final String RESOURCE = "META-INF/resources/schemas/activity-event.schema.json";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonSchema schema;

    private EventSchema(JsonSchema schema) {
        this.schema = schema;
    }

    static EventSchema fromClasspath() {
        try (InputStream in = EventSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EventSchema parse(String schemaJson) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return new EventSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson, config));
    }

    /** The schema's complaints about {@code json}; empty when it conforms. */
    List<String> violations(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return schema.validate(node).stream().map(ValidationMessage::getMessage).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
