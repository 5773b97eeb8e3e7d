package org.outreachexchange.scheduling.config;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachexchange.scheduling.config.ActivityTopicCheck.misconfiguration;

class ActivityTopicCheckTest {

    @Test
    void acceptsAGovernmentPublishingToItsOwnTopic() {
        assertThat(misconfiguration("JP", true, "outreach.activities.jp", Optional.of("JP"))).isEmpty();
        assertThat(misconfiguration("AU", true, "outreach.activities.au", Optional.of("AU"))).isEmpty();
    }

    @Test
    void refusesToPublishToAnotherGovernmentsTopic() {
        assertThat(misconfiguration("JP", true, "outreach.activities.us", Optional.of("JP"))).hasValueSatisfying(problem ->
                assertThat(problem).contains("outreach.activities.jp"));
    }

    @Test
    void refusesAnUpperCaseOrSharedTopic() {
        assertThat(misconfiguration("JP", true, "outreach.activities.JP", Optional.of("JP"))).isPresent();
        assertThat(misconfiguration("JP", true, "outreach.activities", Optional.of("JP"))).isPresent();
    }

    @Test
    void refusesAGovernmentThatIsNotInThePartnersDocument() {
        assertThat(misconfiguration("XX", false, "outreach.activities.xx", Optional.of("XX"))).hasValueSatisfying(problem ->
                assertThat(problem).contains("not a partner in the partners document"));
    }

    @Test
    void refusesToPublishEventsNotSealedAsTheGovernmentsOwnChain() {
        assertThat(misconfiguration("JP", true, "outreach.activities.jp", Optional.empty())).hasValueSatisfying(problem ->
                assertThat(problem).contains("outreach.event-signing.chain is unset"));
        assertThat(misconfiguration("JP", true, "outreach.activities.jp", Optional.of("US"))).isPresent();
    }

    @Test
    void refusesALowerCaseGovernmentCode() {
        assertThat(misconfiguration("jp", true, "outreach.activities.jp", Optional.of("jp"))).isPresent();
    }
}
