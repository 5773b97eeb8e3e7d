package org.outreachexchange.gateway.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.outreachexchange.gateway.domain.ActivityStatus;
import org.outreachexchange.gateway.ActivityEvents;
import org.outreachexchange.infra.EventSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway reads what the producers write: their own examples, checked against their own schemas. */
class EventContractTest {

    /** Configured like Quarkus' mapper: unknown properties are ignored, java.time is supported. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Path SCHEDULING = EventSchema.dir("scheduling-service");
    private static final Path EVALUATION = EventSchema.dir("evaluation-service");
    private static final Path GATEWAY = EventSchema.dir("exchange-gateway");

    @Test
    void readsEveryActivityEventExampleOfTheSchedulingService() throws IOException {
        EventSchema schema = EventSchema.load(SCHEDULING.resolve("activity-event.schema.json"));
        List<Path> examples = examples(SCHEDULING.resolve("examples"));
        assertThat(examples).as("the scheduling-service publishes examples").isNotEmpty();
        for (Path example : examples) {
            String json = Files.readString(example);
            assertThat(schema.violations(json)).as(example + " is valid for its producer").isEmpty();
            ActivityChanged event = JSON.readValue(json, ActivityChanged.class).requireUsable();
            assertThat(event.recipients()).isNotEmpty();
            assertThat(event.period().first()).as(example + " has a first day").isNotNull();
        }
        ActivityChanged revised = JSON.readValue(SCHEDULING.resolve("examples/activity-revised.json").toFile(), ActivityChanged.class);
        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.status()).isEqualTo(ActivityStatus.PLANNED);
        assertThat(revised.schedule().exactDates()).isTrue();
    }

    @Test
    void readsTheEvaluationServicesReevaluationExample() throws IOException {
        EventSchema schema = EventSchema.load(EVALUATION.resolve("country-reevaluated.schema.json"));
        List<Path> examples = examples(EVALUATION.resolve("examples"), "country-reevaluated");
        assertThat(examples).isNotEmpty();
        for (Path example : examples) {
            String json = Files.readString(example);
            assertThat(schema.violations(json)).as(example + " is valid for its producer").isEmpty();
            CountryReevaluated event = JSON.readValue(json, CountryReevaluated.class).requireUsable();
            assertThat(event.tools()).allSatisfy(tool -> assertThat(tool.tool()).isNotBlank());
        }
        CountryReevaluated malaysia = JSON.readValue(EVALUATION.resolve("examples/country-reevaluated.json").toFile(), CountryReevaluated.class);
        assertThat(malaysia.categoryChanged()).isTrue();
        assertThat(malaysia.tools()).anySatisfy(tool -> {
            assertThat(tool.tool()).isEqualTo("OFFICER_TRAINING");
            assertThat(tool.leads()).containsExactly("US", "AU");
        });
    }

    @Test
    void readsTheEvaluationServicesProposalExamples() throws IOException {
        EventSchema schema = EventSchema.load(EVALUATION.resolve("proposal-event.schema.json"));
        List<Path> examples = examples(EVALUATION.resolve("examples"), "proposal-");
        assertThat(examples).isNotEmpty();
        for (Path example : examples) {
            String json = Files.readString(example);
            assertThat(schema.violations(json)).as(example + " is valid for its producer").isEmpty();
            ProposalChanged event = JSON.readValue(json, ProposalChanged.class).requireUsable();
            assertThat(event.proposedBy()).matches("[A-Z]{2,3}");
        }
    }

    @Test
    void testEventsAreValidForTheProducersSchemas() {
        EventSchema schema = EventSchema.load(SCHEDULING.resolve("activity-event.schema.json"));
        ActivityEvents.Draft draft = new ActivityEvents.Draft("JP", "MY", 40).restrictedTo("US").withoutAgenda();
        assertThat(schema.violations(draft.json())).isEmpty();
    }

    @Test
    void ownNoticeExamplesAreValidForTheNoticeSchema() throws IOException {
        EventSchema schema = EventSchema.load(GATEWAY.resolve("notice-event.schema.json"));
        List<Path> examples = examples(GATEWAY.resolve("examples"));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
        for (Path example : examples) {
            assertThat(schema.violations(Files.readString(example))).as(example.toString()).isEmpty();
        }
        assertThat(schema.violations("{\"kind\":\"LATE\"}")).as("the schema does reject incomplete data").isNotEmpty();
    }

    private static List<Path> examples(Path directory) throws IOException {
        return examples(directory, "");
    }

    private static List<Path> examples(Path directory, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
