package org.outreachexchange.scheduling.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreachexchange.scheduling.config.ActivityTopicCheck.misconfiguration;

class ActivityTopicCheckTest {

    @Test
    void acceptsAGovernmentPublishingToItsOwnTopic() {
        assertThat(misconfiguration("JP", true, "outreach.activities.jp")).isEmpty();
        assertThat(misconfiguration("AU", true, "outreach.activities.au")).isEmpty();
    }

    @Test
    void refusesToPublishToAnotherGovernmentsTopic() {
        assertThat(misconfiguration("JP", true, "outreach.activities.us")).hasValueSatisfying(problem ->
                assertThat(problem).contains("outreach.activities.jp"));
    }

    @Test
    void refusesAnUpperCaseOrSharedTopic() {
        assertThat(misconfiguration("JP", true, "outreach.activities.JP")).isPresent();
        assertThat(misconfiguration("JP", true, "outreach.activities")).isPresent();
    }

    @Test
    void refusesAGovernmentWithoutATrustedKey() {
        assertThat(misconfiguration("XX", false, "outreach.activities.xx")).hasValueSatisfying(problem ->
                assertThat(problem).contains("outreach.identity.public-keys"));
    }

    @Test
    void refusesALowerCaseGovernmentCode() {
        assertThat(misconfiguration("jp", true, "outreach.activities.jp")).isPresent();
    }
}
