package org.outreachexchange.evaluation.service;

import org.junit.jupiter.api.Test;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.Role;
import org.outreachexchange.identity.quarkus.AgencyForbiddenException;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MandateTest {

    private static AgencyIdentity agency(Set<Role> roles) {
        return new AgencyIdentity("JP", "METI", "meti-tester", Instant.now().plusSeconds(60), roles);
    }

    @Test
    void onlyEvaluatorsAndCoordinatorsDecide() {
        assertThatCode(() -> Mandate.requireDecider(agency(Set.of(Role.EVALUATOR)))).doesNotThrowAnyException();
        assertThatCode(() -> Mandate.requireDecider(agency(Set.of(Role.COORDINATOR)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Mandate.requireDecider(agency(Set.of()))).isInstanceOf(AgencyForbiddenException.class);
        assertThatThrownBy(() -> Mandate.requireDecider(agency(Set.of(Role.READER, Role.PLANNER))))
                .isInstanceOf(AgencyForbiddenException.class).hasMessageContaining("evaluator or coordinator");
    }

    @Test
    void anAgencyActsOnlyForItsOwnGovernment() {
        assertThatCode(() -> Mandate.requireOwnGovernment(agency(Set.of(Role.EVALUATOR)), null)).doesNotThrowAnyException();
        assertThatCode(() -> Mandate.requireOwnGovernment(agency(Set.of(Role.EVALUATOR)), "JP")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Mandate.requireOwnGovernment(agency(Set.of(Role.COORDINATOR)), "US"))
                .isInstanceOf(AgencyForbiddenException.class);
    }
}
