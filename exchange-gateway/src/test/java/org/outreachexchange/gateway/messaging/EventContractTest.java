package org.outreachexchange.gateway.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.outreachexchange.events.EventFixtures;
import org.outreachexchange.events.EventSchemas;
import org.outreachexchange.gateway.ActivityEvents;
import org.outreachexchange.gateway.domain.ActivityStatus;
import org.outreachexchange.gateway.domain.DistributionScope;
import org.outreachexchange.infra.EventSchema;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway reads what the producers wrote under every released version of their schemas (the event-schemas
 * module's recorded events), and what a producer one version ahead writes; its own notices conform to its schema.
 */
class EventContractTest {

    /** Configured like Quarkus' mapper: unknown properties are ignored, java.time is supported. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void readsEveryRecordedActivityEventOfEveryReleasedVersion() throws IOException {
        List<EventFixtures.Recorded> recorded = EventFixtures.released(EventSchemas.ACTIVITY_EVENT);
        assertThat(recorded).isNotEmpty();
        for (EventFixtures.Recorded fixture : recorded) {
            EventSchemas.ACTIVITY_EVENT.requireReadable(fixture.dataschema());
            ActivityChanged event = JSON.readValue(fixture.data(), ActivityChanged.class).requireUsable();
            assertThat(event.recipients()).as(fixture.name()).isNotEmpty();
            assertThat(event.period().first()).as(fixture.name() + " has a first day").isNotNull();
        }
        ActivityChanged revised = recorded.stream().filter(f -> f.name().endsWith("activity-revised.json")).findFirst()
                .map(f -> read(f.data())).orElseThrow();
        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.status()).isEqualTo(ActivityStatus.PLANNED);
        assertThat(revised.schedule().exactDates()).isTrue();
    }

    @Test
    void readsAnActivityEventOfAProducerOneVersionAheadWithItsNewTypeKept() {
        List<EventFixtures.Recorded> ahead = EventFixtures.ahead(EventSchemas.ACTIVITY_EVENT);
        assertThat(ahead).isNotEmpty();
        for (EventFixtures.Recorded fixture : ahead) {
            EventSchemas.ACTIVITY_EVENT.requireReadable(fixture.dataschema());
            ActivityChanged event = read(fixture.data()).requireUsable();
            assertThat(event.snapshot().type()).isEqualTo("EXPORT_CONTROL_WORKSHOP");
        }
    }

    @Test
    void readsADistributionScopeItDoesNotKnowAsOnlyTheNamedPartners() {
        String data = EventFixtures.released(EventSchemas.ACTIVITY_EVENT).get(0).data()
                .replace("\"ALL_PARTNERS\"", "\"REGIONAL_PARTNERS\"");
        assertThat(data).contains("REGIONAL_PARTNERS");
        assertThat(read(data).requireUsable().distribution().scope()).isEqualTo(DistributionScope.NAMED_PARTNERS);
    }

    @Test
    void readsEveryRecordedReevaluationOfEveryReleasedVersion() throws IOException {
        List<EventFixtures.Recorded> recorded = EventFixtures.released(EventSchemas.COUNTRY_REEVALUATED);
        assertThat(recorded).isNotEmpty();
        for (EventFixtures.Recorded fixture : recorded) {
            EventSchemas.COUNTRY_REEVALUATED.requireReadable(fixture.dataschema());
            CountryReevaluated event = JSON.readValue(fixture.data(), CountryReevaluated.class).requireUsable();
            assertThat(event.tools()).allSatisfy(tool -> assertThat(tool.tool()).isNotBlank());
        }
        CountryReevaluated malaysia = JSON.readValue(recorded.get(0).data(), CountryReevaluated.class);
        assertThat(malaysia.categoryChanged()).isTrue();
        assertThat(malaysia.tools()).anySatisfy(tool -> {
            assertThat(tool.tool()).isEqualTo("OFFICER_TRAINING");
            assertThat(tool.leads()).containsExactly("US", "AU");
        });
    }

    @Test
    void readsEveryRecordedProposalEventOfEveryReleasedVersion() throws IOException {
        List<EventFixtures.Recorded> recorded = EventFixtures.released(EventSchemas.PROPOSAL_EVENT);
        assertThat(recorded).isNotEmpty();
        for (EventFixtures.Recorded fixture : recorded) {
            EventSchemas.PROPOSAL_EVENT.requireReadable(fixture.dataschema());
            ProposalChanged event = JSON.readValue(fixture.data(), ProposalChanged.class).requireUsable();
            assertThat(event.proposedBy()).matches("[A-Z]{2,3}");
        }
    }

    @Test
    void testEventsAreValidForTheProducersSchemas() {
        EventSchema schema = EventSchema.parse(EventSchemas.ACTIVITY_EVENT.text());
        ActivityEvents.Draft draft = new ActivityEvents.Draft("JP", "MY", 40).restrictedTo("US").withoutAgenda();
        assertThat(schema.violations(draft.json())).isEmpty();
    }

    @Test
    void ownRecordedNoticesAreValidForTheNoticeSchemaWhichPassesANewerActivityTypeOn() {
        EventSchema schema = EventSchema.parse(EventSchemas.NOTICE_EVENT.text());
        List<EventFixtures.Recorded> recorded = EventFixtures.released(EventSchemas.NOTICE_EVENT);
        assertThat(recorded).hasSizeGreaterThanOrEqualTo(2);
        for (EventFixtures.Recorded fixture : recorded) {
            assertThat(schema.violations(fixture.data())).as(fixture.name()).isEmpty();
            assertThat(schema.violations(fixture.data().replace("\"BILATERAL_CONSULTATION\"", "\"EXPORT_CONTROL_WORKSHOP\"")))
                    .as(fixture.name() + " about a type newer than this gateway").isEmpty();
        }
        assertThat(schema.violations("{\"kind\":\"LATE\"}")).as("the schema does reject incomplete data").isNotEmpty();
    }

    private static ActivityChanged read(String data) {
        try {
            return JSON.readValue(data, ActivityChanged.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
