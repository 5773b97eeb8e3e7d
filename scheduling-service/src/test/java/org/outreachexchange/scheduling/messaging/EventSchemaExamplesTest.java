package org.outreachexchange.scheduling.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outreachexchange.infra.EventSchema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples consumers build their contract tests on conform to the schema, and the schema has teeth. */
class EventSchemaExamplesTest {

    private static final EventSchema SCHEMA = EventSchema.fromClasspath("activity-event.schema.json");

    @ParameterizedTest(name = "{0} conforms to the schema")
    @ValueSource(strings = {"activity-planned.json", "activity-revised.json", "activity-completed.json", "activity-cancelled.json"})
    void exampleConformsToTheSchema(String example) throws IOException {
        assertThat(SCHEMA.violations(example(example))).isEmpty();
    }

    @Test
    void completedExampleReportsMalaysiasLawsAsSufficient() throws IOException {
        JsonNode completed = EventSchema.JSON.readTree(example("activity-completed.json"));

        assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.at("/results/findings")).anySatisfy(finding -> {
            assertThat(finding.get("country").asText()).isEqualTo("MY");
            assertThat(finding.get("element").asText()).isEqualTo("LAWS_REGULATIONS");
            assertThat(finding.get("assessment").asText()).isEqualTo("SUFFICIENT");
        });
    }

    @Test
    void schemaRefusesAnUnknownActivityType() throws IOException {
        ObjectNode event = (ObjectNode) EventSchema.JSON.readTree(example("activity-planned.json"));
        event.put("type", "WORKSHOP");

        assertThat(SCHEMA.violations(event.toString())).isNotEmpty();
    }

    @Test
    void schemaRefusesAMonthScheduleWithDates() throws IOException {
        ObjectNode event = (ObjectNode) EventSchema.JSON.readTree(example("activity-planned.json"));
        ((ObjectNode) event.get("schedule")).put("start", "2008-03-11");

        assertThat(SCHEMA.violations(event.toString())).isNotEmpty();
    }

    @Test
    void schemaRefusesACompletedEventWithoutResults() throws IOException {
        ObjectNode event = (ObjectNode) EventSchema.JSON.readTree(example("activity-completed.json"));
        event.putNull("results");

        assertThat(SCHEMA.violations(event.toString())).isNotEmpty();
    }

    @Test
    void schemaRefusesAMalformedDate() throws IOException {
        ObjectNode event = (ObjectNode) EventSchema.JSON.readTree(example("activity-revised.json"));
        ((ObjectNode) event.get("schedule")).put("end", "12 March 2008");

        assertThat(SCHEMA.violations(event.toString())).isNotEmpty();
    }

    private static String example(String name) throws IOException {
        try (InputStream in = EventSchemaExamplesTest.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/schemas/examples/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
