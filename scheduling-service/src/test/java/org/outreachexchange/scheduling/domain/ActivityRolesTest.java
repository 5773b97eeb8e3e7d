package org.outreachexchange.scheduling.domain;

import org.junit.jupiter.api.Test;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.Role;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's role table, as the activity applies it to whoever calls (of its own government). */
class ActivityRolesTest {

    private static final Instant NOW = Instant.parse("2008-06-24T00:00:00Z");

    private static AgencyIdentity agency(String name, Role... roles) {
        return new AgencyIdentity("JP", name, name.toLowerCase(), NOW.plusSeconds(3600), Set.of(roles));
    }

    private static Activity plannedBy(String agency) {
        ActivityContent content = new ActivityContent(ActivityType.INDUSTRY_OUTREACH_SEMINAR, "Seminar in Malaysia", List.of("MY"),
                Schedule.ofMonth(YearMonth.of(2008, 3)), null, List.of(), List.of(), ActivityStatus.PLANNED,
                Distribution.allPartners());
        return Activity.plan(UUID.randomUUID(), "JP", agency, 1, content, NOW);
    }

    @Test
    void plannersAndCoordinatorsPlan() {
        assertThat(Activity.mayBePlannedBy(agency("METI", Role.PLANNER))).isTrue();
        assertThat(Activity.mayBePlannedBy(agency("CABINET", Role.COORDINATOR))).isTrue();
    }

    @Test
    void readersAndEvaluatorsDoNotPlan() {
        assertThat(Activity.mayBePlannedBy(agency("CUSTOMS"))).isFalse();
        assertThat(Activity.mayBePlannedBy(agency("CUSTOMS", Role.READER))).isFalse();
        assertThat(Activity.mayBePlannedBy(agency("MOFA", Role.EVALUATOR))).isFalse();
    }

    @Test
    void plannerOfTheCreatingAgencyMayChangeIt() {
        assertThat(plannedBy("METI").mayBeChangedBy(agency("METI", Role.PLANNER))).isTrue();
    }

    @Test
    void plannerOfAnotherAgencyMayNotChangeIt() {
        assertThat(plannedBy("METI").mayBeChangedBy(agency("MOFA", Role.PLANNER, Role.EVALUATOR))).isFalse();
    }

    @Test
    void creatingAgencyWithoutThePlannerRoleMayNotChangeIt() {
        assertThat(plannedBy("METI").mayBeChangedBy(agency("METI", Role.EVALUATOR))).isFalse();
        assertThat(plannedBy("METI").mayBeChangedBy(agency("METI"))).isFalse();
    }

    @Test
    void coordinatorMayChangeAnyAgencysActivity() {
        assertThat(plannedBy("METI").mayBeChangedBy(agency("CABINET", Role.COORDINATOR))).isTrue();
    }

    @Test
    void anActivityWithoutRecordedCreatorIsTheCoordinatorsAlone() {
        Activity unrecorded = plannedBy(null);

        assertThat(unrecorded.mayBeChangedBy(agency("METI", Role.PLANNER))).isFalse();
        assertThat(unrecorded.mayBeChangedBy(agency("CABINET", Role.COORDINATOR))).isTrue();
    }
}
