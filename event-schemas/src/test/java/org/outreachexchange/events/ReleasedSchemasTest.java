package org.outreachexchange.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check {@code ./mvnw verify} runs on every schema: its version is named where it must be, it only adds to its last
 * released version (the committed copy under {@code released/<name>/<version>.schema.json}) unless its major version
 * went up, a changed schema has a new version, and every recorded event of every released version still conforms.
 */
class ReleasedSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RELEASED = Path.of("released");
    private static final Path FIXTURES = Path.of("src/test/resources/org/outreachexchange/events");

    @Test
    void everySchemaNamesTheVersionItsProducerWrites() throws IOException {
        for (EventSchemas schema : EventSchemas.values()) {
            JsonNode current = JSON.readTree(schema.text());
            assertThat(current.path("$id").asText()).as(schema.fileName()).isEqualTo(schema.current().uri());
        }
    }

    @Test
    void everySchemaOnlyAddsToItsLastReleasedVersionWithinAMajorVersion() throws IOException {
        for (EventSchemas schema : EventSchemas.values()) {
            SchemaVersion released = lastReleased(schema).orElseThrow(() -> new AssertionError(
                    "no released copy of " + schema.schemaName() + " under " + RELEASED));
            JsonNode releasedSchema = JSON.readTree(RELEASED.resolve(schema.schemaName()).resolve(released.number() + ".schema.json").toFile());
            JsonNode current = JSON.readTree(schema.text());
            assertThat(schema.current()).as(schema.schemaName() + " is not older than its release").isGreaterThanOrEqualTo(released);
            if (schema.current().equals(released)) {
                assertThat(current).as(schema.schemaName() + " " + released.number()
                        + " was released: a change needs a new version (docs/CONVENTIONS.md, Changing an event)").isEqualTo(releasedSchema);
            } else if (schema.current().major() == released.major()) {
                assertThat(SchemaCompatibility.breaks(releasedSchema, current)).as(schema.schemaName() + " " + schema.current().number()
                        + " against released " + released.number() + ": a breaking change needs a new major version").isEmpty();
            }
        }
    }

    @Test
    void everyRecordedEventOfEveryReleasedVersionConformsToTheCurrentSchema() throws IOException {
        for (EventSchemas schema : EventSchemas.values()) {
            List<EventFixtures.Recorded> recorded = EventFixtures.released(schema);
            assertThat(recorded).as("recorded events of " + schema.schemaName()).isNotEmpty();
            JsonSchema current = validator(schema.text());
            for (EventFixtures.Recorded event : recorded) {
                assertThat(EventSchemas.ofType(event.type())).as(event.name()).contains(schema);
                if (event.version().major() == schema.current().major()) {
                    assertThat(current.validate(JSON.readTree(event.data())).stream().map(ValidationMessage::getMessage))
                            .as(event.name()).isEmpty();
                }
            }
        }
    }

    @Test
    void theFixtureIndexesListEveryRecordedFile() throws IOException {
        for (String set : List.of("fixtures", "ahead")) {
            Path dir = FIXTURES.resolve(set);
            try (Stream<Path> files = Files.walk(dir)) {
                List<String> onDisk = files.filter(f -> f.toString().endsWith(".json"))
                        .map(f -> dir.relativize(f).toString()).sorted().toList();
                assertThat(EventFixtures.index(set + "/")).as(set + "/index.txt").containsExactlyElementsOf(onDisk);
            }
        }
    }

    @Test
    void theEventsOfAProducerOneVersionAheadAreAdditiveToTheCurrentVersion() {
        List<EventFixtures.Recorded> ahead = EventFixtures.ahead(EventSchemas.ACTIVITY_EVENT);
        assertThat(ahead).isNotEmpty().allSatisfy(event -> {
            assertThat(event.version().major()).isEqualTo(EventSchemas.ACTIVITY_EVENT.current().major());
            assertThat(event.version()).isGreaterThan(EventSchemas.ACTIVITY_EVENT.current());
        });
    }

    private static Optional<SchemaVersion> lastReleased(EventSchemas schema) throws IOException {
        Path dir = RELEASED.resolve(schema.schemaName());
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                    .map(n -> SchemaVersion.of(schema.schemaName(), n.substring(0, n.length() - ".schema.json".length())))
                    .max(Comparator.naturalOrder());
        }
    }

    private static JsonSchema validator(String schema) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
    }
}
