package org.outreachexchange.evaluation.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.outreachexchange.evaluation.domain.DistributionScope;
import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.Sufficiency;
import org.outreachexchange.infra.EventSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The producer (scheduling-service) owns the activity event schema; this proves our records read what it writes. */
class ActivityEventContractTest {

    static final Path SCHEMAS = EventSchema.dir("scheduling-service");
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static EventSchema producerSchema() {
        return EventSchema.load(SCHEMAS.resolve("activity-event.schema.json"));
    }

    private static List<Path> examples() throws IOException {
        Path dir = SCHEMAS.resolve("examples");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void aCompletedEventWithOnlyTheSchemasRequiredFieldsAndFindingsIsValidAndReadable() throws IOException {
        String completed = """
                {"activityId":"3f0c9a52-1f4e-4a53-9a8e-2b7d5c1e6a10","version":3,"organizer":"JP",
                 "type":"BILATERAL_CONSULTATION","title":"Bilateral consultation with Malaysia","recipients":["MY"],
                 "schedule":{"precision":"MONTH","month":"2008-03"},"period":{"first":"2008-03-01","last":"2008-03-31"},
                 "agenda":[],"objectives":[],"status":"COMPLETED",
                 "distribution":{"scope":"ALL_PARTNERS","governments":[]},
                 "results":{"summary":"Held","participants":[],"completedOn":"2008-03-14",
                   "findings":[{"country":"MY","element":"LAWS_REGULATIONS","assessment":"SUFFICIENT","evidence":"Act in force"}]},
                 "occurredAt":"2008-03-20T02:15:00Z"}""";
        assertThat(producerSchema().violations(MAPPER.readTree(completed))).isEmpty();
        ActivityChanged event = ActivityEventConsumer.parse(MAPPER, completed);
        assertThat(event.status()).isEqualTo(ActivityChanged.Status.COMPLETED);
        assertThat(event.distribution()).isEqualTo(new ActivityChanged.Distribution(DistributionScope.ALL_PARTNERS, List.of()));
        assertThat(event.results().findings()).containsExactly(new ActivityChanged.Finding("MY", Element.LAWS_REGULATIONS,
                Sufficiency.SUFFICIENT, "Act in force"));
    }

    @Test
    void everyExampleOfTheProducerIsReadIntoOurRecords() throws IOException {
        List<Path> examples = examples();
        assumeTrue(!examples.isEmpty(), "the scheduling-service has not published examples yet");
        EventSchema schema = producerSchema();
        for (Path example : examples) {
            String json = Files.readString(example);
            JsonNode tree = MAPPER.readTree(json);
            assertThat(schema.violations(tree)).as(example.toString()).isEmpty();
            ActivityChanged event = ActivityEventConsumer.parse(MAPPER, json);
            assertThat(event.activityId().toString()).isEqualTo(tree.get("activityId").asText());
            assertThat(event.version()).isEqualTo(tree.get("version").asInt());
            assertThat(event.recipients()).hasSize(tree.get("recipients").size());
            assertThat(event.status().name()).isEqualTo(tree.get("status").asText());
            assertThat(event.distribution().scope().name()).isEqualTo(tree.at("/distribution/scope").asText());
            assertThat(event.distribution().governments()).hasSize(tree.at("/distribution/governments").size());
        }
    }

    @Test
    void aRestrictedExampleReadsAsVisibleOnlyToItsOrganizerAndTheNamedPartners() throws IOException {
        Path completed = SCHEMAS.resolve("examples/activity-completed.json");
        assumeTrue(Files.exists(completed), "the scheduling-service has no completed example");
        ActivityChanged event = ActivityEventConsumer.parse(MAPPER, Files.readString(completed));
        var audience = event.distribution().audience(event.organizer());
        assertThat(audience.visibleTo(event.organizer())).isTrue();
        event.distribution().governments().forEach(g -> assertThat(audience.visibleTo(g)).isTrue());
        assertThat(audience.visibleTo("XX")).isEqualTo(event.distribution().scope() == DistributionScope.ALL_PARTNERS);
    }

    @Test
    void anEventLackingRequiredFieldsIsPoison() {
        assertThatThrownBy(() -> ActivityEventConsumer.parse(MAPPER, "{\"activityId\":\"3f0c9a52-1f4e-4a53-9a8e-2b7d5c1e6a10\"}"))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> ActivityEventConsumer.parse(MAPPER, "[1,2")).isInstanceOf(PoisonMessageException.class);
    }
}
