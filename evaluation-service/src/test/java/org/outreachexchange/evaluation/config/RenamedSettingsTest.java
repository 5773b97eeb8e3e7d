package org.outreachexchange.evaluation.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenamedSettingsTest {

    @Test
    void theOldAdoptionSettingStopsTheStartNamingItsNewName() {
        assertThatThrownBy(() -> RenamedSettings.check("outreach.evaluation.assessments.adoption"::equals))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outreach.evaluation.assessments.adoption is now outreach.evaluation.proposals.adoption");
    }

    @Test
    void withoutRenamedSettingsTheServiceStarts() {
        assertThatCode(() -> RenamedSettings.check(name -> false)).doesNotThrowAnyException();
    }
}
