package org.outreachexchange.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The producers' JSON Schemas, read from their modules in this repository. */
final class Schemas {

    static final Path SCHEDULING = Path.of("../scheduling-service/src/main/resources/META-INF/resources/schemas");
    static final Path EVALUATION = Path.of("../evaluation-service/src/main/resources/META-INF/resources/schemas");
    static final Path GATEWAY = Path.of("src/main/resources/META-INF/resources/schemas");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Schemas() {
    }

    static JsonSchema load(Path file) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(read(file), config);
    }

    static Set<ValidationMessage> validate(JsonSchema schema, String json) {
        try {
            return schema.validate(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
