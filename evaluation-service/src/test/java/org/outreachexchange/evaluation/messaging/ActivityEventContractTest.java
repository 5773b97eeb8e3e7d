package org.outreachexchange.evaluation.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.outreachexchange.evaluation.domain.DistributionScope;
import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.Sufficiency;
import org.outreachexchange.events.EventFixtures;
import org.outreachexchange.events.EventSchemas;
import org.outreachexchange.events.UnreadableEventException;
import org.outreachexchange.infra.EventSchema;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The producer (scheduling-service) owns the activity event schema, published in the event-schemas module; this proves
 * our records read what producers of every released version wrote, and what a producer one version ahead writes.
 */
class ActivityEventContractTest {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String COMPLETED = """
            {"activityId":"3f0c9a52-1f4e-4a53-9a8e-2b7d5c1e6a10","version":3,"organizer":"JP",
             "type":"BILATERAL_CONSULTATION","title":"Bilateral consultation with Malaysia","recipients":["MY"],
             "schedule":{"precision":"MONTH","month":"2008-03"},"period":{"first":"2008-03-01","last":"2008-03-31"},
             "agenda":[],"objectives":[],"status":"COMPLETED",
             "distribution":{"scope":"ALL_PARTNERS","governments":[]},
             "results":{"summary":"Held","participants":[],"completedOn":"2008-03-14",
               "findings":[{"country":"MY","element":"LAWS_REGULATIONS","assessment":"SUFFICIENT","evidence":"Act in force"}]},
             "occurredAt":"2008-03-20T02:15:00Z"}""";

    private static EventSchema producerSchema() {
        return EventSchema.parse(EventSchemas.ACTIVITY_EVENT.text());
    }

    @Test
    void aCompletedEventWithOnlyTheSchemasRequiredFieldsAndFindingsIsValidAndReadable() throws IOException {
        assertThat(producerSchema().violations(MAPPER.readTree(COMPLETED))).isEmpty();
        ActivityChanged event = ActivityEventConsumer.parse(MAPPER, COMPLETED);
        assertThat(event.status()).isEqualTo(ActivityChanged.Status.COMPLETED);
        assertThat(event.distribution()).isEqualTo(new ActivityChanged.Distribution(DistributionScope.ALL_PARTNERS, List.of()));
        ActivityChanged.Finding finding = event.results().findings().get(0);
        assertThat(finding.knownElement()).contains(Element.LAWS_REGULATIONS);
        assertThat(finding.knownAssessment()).contains(Sufficiency.SUFFICIENT);
    }

    @Test
    void everyRecordedEventOfEveryReleasedVersionIsReadIntoOurRecords() throws IOException {
        List<EventFixtures.Recorded> recorded = EventFixtures.released(EventSchemas.ACTIVITY_EVENT);
        assertThat(recorded).isNotEmpty();
        for (EventFixtures.Recorded fixture : recorded) {
            JsonNode tree = MAPPER.readTree(fixture.data());
            assertThat(EventSchemas.ACTIVITY_EVENT.requireReadable(fixture.dataschema())).isEqualTo(fixture.version());
            ActivityChanged event = ActivityEventConsumer.parse(MAPPER, fixture.data());
            assertThat(event.activityId().toString()).as(fixture.name()).isEqualTo(tree.get("activityId").asText());
            assertThat(event.version()).isEqualTo(tree.get("version").asInt());
            assertThat(event.type()).isEqualTo(tree.get("type").asText());
            assertThat(event.recipients()).hasSize(tree.get("recipients").size());
            assertThat(event.status().name()).isEqualTo(tree.get("status").asText());
            assertThat(event.distribution().scope().name()).isEqualTo(tree.at("/distribution/scope").asText());
            assertThat(event.distribution().governments()).hasSize(tree.at("/distribution/governments").size());
        }
    }

    @Test
    void aRestrictedRecordedEventReadsAsVisibleOnlyToItsOrganizerAndTheNamedPartners() throws IOException {
        ActivityChanged event = EventFixtures.released(EventSchemas.ACTIVITY_EVENT).stream()
                .filter(f -> f.name().endsWith("activity-completed.json")).findFirst()
                .map(f -> ActivityEventConsumer.parse(MAPPER, f.data())).orElseThrow();
        var audience = event.distribution().audience(event.organizer());
        assertThat(audience.visibleTo(event.organizer())).isTrue();
        event.distribution().governments().forEach(g -> assertThat(audience.visibleTo(g)).isTrue());
        assertThat(audience.visibleTo("XX")).isEqualTo(event.distribution().scope() == DistributionScope.ALL_PARTNERS);
    }

    @Test
    void anEventOfAProducerOneVersionAheadIsReadWithItsNewActivityTypeAndItsExtraFieldIgnored() {
        List<EventFixtures.Recorded> ahead = EventFixtures.ahead(EventSchemas.ACTIVITY_EVENT);
        assertThat(ahead).isNotEmpty();
        for (EventFixtures.Recorded fixture : ahead) {
            assertThat(EventSchemas.ACTIVITY_EVENT.requireReadable(fixture.dataschema())).isEqualTo(fixture.version());
            ActivityChanged event = ActivityEventConsumer.parse(MAPPER, fixture.data());
            assertThat(event.type()).isEqualTo("EXPORT_CONTROL_WORKSHOP");
            assertThat(event.revision().type()).isEqualTo("EXPORT_CONTROL_WORKSHOP");
        }
    }

    @Test
    void valuesANewerProducerMayAddAreCarriedOrFailClosed() {
        String newer = COMPLETED.replace("\"ALL_PARTNERS\"", "\"REGIONAL_PARTNERS\"")
                .replace("\"LAWS_REGULATIONS\"", "\"LICENSING\"");
        ActivityChanged event = ActivityEventConsumer.parse(MAPPER, newer);
        assertThat(event.distribution().scope()).as("an unknown scope shows the activity only to the governments named")
                .isEqualTo(DistributionScope.NAMED_PARTNERS);
        assertThat(event.results().findings().get(0).knownElement()).isEmpty();
        assertThat(event.results().findings().get(0).element()).isEqualTo("LICENSING");
    }

    @Test
    void anEventOfAnotherMajorVersionOrWithATypeThatIsNoNameIsUnreadable() {
        assertThatThrownBy(() -> EventSchemas.ACTIVITY_EVENT.requireReadable("https://outreach-exchange.org/schemas/activity-event/2.0"))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> ActivityEventConsumer.parse(MAPPER, COMPLETED.replace("\"BILATERAL_CONSULTATION\"", "\"drop table\"")))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("type");
    }

    @Test
    void anEventLackingRequiredFieldsIsPoison() {
        assertThatThrownBy(() -> ActivityEventConsumer.parse(MAPPER, "{\"activityId\":\"3f0c9a52-1f4e-4a53-9a8e-2b7d5c1e6a10\"}"))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> ActivityEventConsumer.parse(MAPPER, "[1,2")).isInstanceOf(PoisonMessageException.class);
    }
}
