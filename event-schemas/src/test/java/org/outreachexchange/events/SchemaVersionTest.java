package org.outreachexchange.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaVersionTest {

    @Test
    void aDataschemaNamesItsSchemaAndVersion() {
        assertThat(SchemaVersion.parse("https://outreach-exchange.org/schemas/activity-event/1.2"))
                .contains(new SchemaVersion("activity-event", 1, 2));
        assertThat(SchemaVersion.parse("https://outreach-exchange.org/schemas/activity-event.schema.json")).isEmpty();
        assertThat(SchemaVersion.parse(null)).isEmpty();
        assertThat(EventSchemas.ACTIVITY_EVENT.current().uri()).isEqualTo("https://outreach-exchange.org/schemas/activity-event/1.0");
    }

    @Test
    void aConsumerReadsEveryMinorVersionOfItsMajorAndEventsWrittenBeforeVersionsWereNamed() {
        assertThat(EventSchemas.ACTIVITY_EVENT.requireReadable("https://outreach-exchange.org/schemas/activity-event/1.7"))
                .isEqualTo(new SchemaVersion("activity-event", 1, 7));
        assertThat(EventSchemas.ACTIVITY_EVENT.requireReadable(null)).isEqualTo(new SchemaVersion("activity-event", 1, 0));
    }

    @Test
    void aConsumerRefusesAnotherMajorVersionOrAnotherSchema() {
        assertThatThrownBy(() -> EventSchemas.ACTIVITY_EVENT.requireReadable("https://outreach-exchange.org/schemas/activity-event/2.0"))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("activity-event 2.0").hasMessageContaining("1.x");
        assertThatThrownBy(() -> EventSchemas.ACTIVITY_EVENT.requireReadable("https://outreach-exchange.org/schemas/notice-event/1.0"))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> EventSchemas.ACTIVITY_EVENT.requireReadable("urn:something"))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void eachCloudEventTypeHasItsSchema() {
        assertThat(EventSchemas.ofType("outreach.activity.planned")).contains(EventSchemas.ACTIVITY_EVENT);
        assertThat(EventSchemas.ofType("outreach.country.reevaluated")).contains(EventSchemas.COUNTRY_REEVALUATED);
        assertThat(EventSchemas.ofType("outreach.proposal.adopted")).contains(EventSchemas.PROPOSAL_EVENT);
        assertThat(EventSchemas.ofType("outreach.notice.late")).contains(EventSchemas.NOTICE_EVENT);
        assertThat(EventSchemas.ofType("outreach.other")).isEmpty();
    }
}
