package org.outreachexchange.evaluation.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackedActivityTest {

    static final UUID ACTIVITY = UUID.randomUUID();
    static final Instant FIRST_SEEN = Instant.parse("2010-03-01T08:00:00Z");
    static final Instant LATER = Instant.parse("2010-04-01T08:00:00Z");

    static ActivityRevision revision(int version, String status, DistributionScope scope, List<String> governments) {
        return new ActivityRevision(ACTIVITY, version, "JP", "MULTILATERAL_SEMINAR", status, "Seminar in Kuala Lumpur",
                List.of("MY", "VN"), LocalDate.of(2010, 5, 1), LocalDate.of(2010, 5, 31), scope, governments);
    }

    @Test
    void theFirstRevisionSeenIsTrackedAsTheEventStatesIt() {
        TrackedActivity activity = TrackedActivity.track(revision(3, "PLANNED", DistributionScope.NAMED_PARTNERS, List.of("US")), FIRST_SEEN);
        assertThat(activity.activityId).isEqualTo(ACTIVITY);
        assertThat(activity.version).isEqualTo(3);
        assertThat(activity.organizer).isEqualTo("JP");
        assertThat(activity.type).isEqualTo("MULTILATERAL_SEMINAR");
        assertThat(activity.status).isEqualTo("PLANNED");
        assertThat(activity.title).isEqualTo("Seminar in Kuala Lumpur");
        assertThat(activity.recipients).containsExactly("MY", "VN");
        assertThat(activity.periodStart).isEqualTo(LocalDate.of(2010, 5, 1));
        assertThat(activity.periodEnd).isEqualTo(LocalDate.of(2010, 5, 31));
        assertThat(activity.updatedAt).isEqualTo(FIRST_SEEN);
        assertThat(activity.distributionScope).isEqualTo(DistributionScope.NAMED_PARTNERS);
        assertThat(activity.distributionGovernments).containsExactly("US");
        assertThat(activity.audience().restrictedTo()).containsExactly("JP", "US");
    }

    @Test
    void anActivityWithoutATitleIsTrackedWithAnEmptyOne() {
        ActivityRevision untitled = new ActivityRevision(ACTIVITY, 1, "JP", "OFFICER_TRAINING", "PROPOSED", null,
                List.of("MY"), LocalDate.of(2010, 5, 1), LocalDate.of(2010, 5, 31), DistributionScope.ALL_PARTNERS, List.of());
        assertThat(TrackedActivity.track(untitled, FIRST_SEEN).title).isEmpty();
    }

    @Test
    void aNewerRevisionReplacesWhatWasKnown() {
        TrackedActivity activity = TrackedActivity.track(revision(1, "PLANNED", DistributionScope.NAMED_PARTNERS, List.of("US")), FIRST_SEEN);
        ActivityRevision cancelled = new ActivityRevision(ACTIVITY, 2, "JP", "OFFICER_TRAINING", "CANCELLED", "Training",
                List.of("TH"), LocalDate.of(2010, 6, 1), LocalDate.of(2010, 6, 2), DistributionScope.ALL_PARTNERS, List.of());

        assertThat(activity.update(cancelled, LATER)).isTrue();

        assertThat(activity.version).isEqualTo(2);
        assertThat(activity.type).isEqualTo("OFFICER_TRAINING");
        assertThat(activity.status).isEqualTo("CANCELLED");
        assertThat(activity.title).isEqualTo("Training");
        assertThat(activity.recipients).containsExactly("TH");
        assertThat(activity.periodStart).isEqualTo(LocalDate.of(2010, 6, 1));
        assertThat(activity.periodEnd).isEqualTo(LocalDate.of(2010, 6, 2));
        assertThat(activity.updatedAt).isEqualTo(LATER);
        assertThat(activity.distributionScope).isEqualTo(DistributionScope.ALL_PARTNERS);
        assertThat(activity.audience().restricted()).isFalse();
    }

    @Test
    void aRevisionNotNewerThanTheVersionHeldChangesNothing() {
        TrackedActivity activity = TrackedActivity.track(revision(2, "PLANNED", DistributionScope.NAMED_PARTNERS, List.of("US")), FIRST_SEEN);

        assertThat(activity.update(revision(2, "COMPLETED", DistributionScope.ALL_PARTNERS, null), LATER)).isFalse();
        assertThat(activity.update(revision(1, "CANCELLED", DistributionScope.ALL_PARTNERS, null), LATER)).isFalse();

        assertThat(activity.version).isEqualTo(2);
        assertThat(activity.status).isEqualTo("PLANNED");
        assertThat(activity.distributionScope).isEqualTo(DistributionScope.NAMED_PARTNERS);
        assertThat(activity.distributionGovernments).containsExactly("US");
        assertThat(activity.updatedAt).isEqualTo(FIRST_SEEN);
    }

    @Test
    void namedGovernmentsAreKeptOnlyForAnActivitySharedWithNamedPartners() {
        assertThat(TrackedActivity.track(revision(1, "PLANNED", DistributionScope.ALL_PARTNERS, List.of("US")), FIRST_SEEN)
                .distributionGovernments).isEmpty();
        assertThat(TrackedActivity.track(revision(1, "PLANNED", DistributionScope.NAMED_PARTNERS, null), FIRST_SEEN)
                .distributionGovernments).isEmpty();

        TrackedActivity activity = TrackedActivity.track(revision(1, "PLANNED", DistributionScope.NAMED_PARTNERS, List.of("US")), FIRST_SEEN);
        activity.update(revision(2, "PLANNED", DistributionScope.ALL_PARTNERS, List.of("US")), LATER);
        assertThat(activity.distributionGovernments).isEmpty();
    }

    @Test
    void aRevisionOfAnotherActivityIsRefused() {
        TrackedActivity activity = TrackedActivity.track(revision(1, "PLANNED", DistributionScope.ALL_PARTNERS, List.of()), FIRST_SEEN);
        ActivityRevision other = new ActivityRevision(UUID.randomUUID(), 2, "JP", "OFFICER_TRAINING", "PLANNED", "Other",
                List.of("TH"), LocalDate.of(2010, 6, 1), LocalDate.of(2010, 6, 2), DistributionScope.ALL_PARTNERS, List.of());

        assertThatThrownBy(() -> activity.update(other, LATER)).isInstanceOf(IllegalArgumentException.class);
        assertThat(activity.version).isEqualTo(1);
    }
}
