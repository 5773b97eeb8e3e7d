package org.outreachexchange.gateway.service;

import org.junit.jupiter.api.Test;
import org.outreachexchange.gateway.config.NoticePolicyConfig;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.ActivitySnapshot;
import org.outreachexchange.gateway.domain.ActivityStatus;
import org.outreachexchange.gateway.domain.ActivityType;
import org.outreachexchange.gateway.domain.DistributionScope;
import org.outreachexchange.gateway.domain.Missing;
import org.outreachexchange.gateway.domain.NoticeOutcome;
import org.outreachexchange.gateway.domain.NoticeState;
import org.outreachexchange.gateway.domain.Objective;
import org.outreachexchange.gateway.domain.Schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SharingPolicyTest {

    private static final Instant NOW = Instant.parse("2008-06-24T00:00:00Z");

    @Test
    void anIncompleteNoticePastItsDeadlineStaysVisibleToPartnersByDefault() {
        Activity activity = incompletePastDeadline();

        SharingPolicy sharing = new SharingPolicy(policy(false));

        assertThat(sharing.withheld(activity, NOW)).isFalse();
        assertThat(sharing.sharedWith(activity, "US", NOW)).isTrue();
    }

    @Test
    void withholdingWhenSwitchedOnHidesItFromPartnersButNotFromItsOrganizer() {
        Activity activity = incompletePastDeadline();

        SharingPolicy sharing = new SharingPolicy(policy(true));

        assertThat(sharing.sharedWith(activity, "US", NOW)).isFalse();
        assertThat(sharing.sharedWith(activity, "JP", NOW)).isTrue();
    }

    @Test
    void anActivitySharedWithNamedPartnersIsHiddenFromTheOthers() {
        Activity activity = activity(DistributionScope.NAMED_PARTNERS, List.of("US"));

        SharingPolicy sharing = new SharingPolicy(policy(false));

        assertThat(sharing.sharedWith(activity, "US", NOW)).isTrue();
        assertThat(sharing.sharedWith(activity, "AU", NOW)).isFalse();
    }

    private static Activity incompletePastDeadline() {
        return activity(DistributionScope.ALL_PARTNERS, List.of());
    }

    /** JP's activity without an agenda, whose deadline passed a day ago. */
    private static Activity activity(DistributionScope scope, List<String> sharedWith) {
        LocalDate firstDay = LocalDate.ofInstant(NOW, ZoneOffset.UTC).plusDays(29);
        ActivitySnapshot snapshot = new ActivitySnapshot(UUID.randomUUID(), 1, "JP", ActivityType.BILATERAL_CONSULTATION.name(),
                ActivityStatus.PLANNED, List.of("MN"), new Schedule("DATES", null, firstDay, firstDay), firstDay, firstDay,
                List.of(), List.of(new Objective("ENFORCEMENT", "Strengthen enforcement")), scope, sharedWith);
        NoticeState notice = new NoticeState(NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(1)), List.of(Missing.AGENDA),
                NoticeOutcome.PENDING, 0);
        return Activity.first(snapshot, "{}", notice, NOW);
    }

    private static NoticePolicyConfig policy(boolean withhold) {
        return new NoticePolicyConfig() {
            public int defaultPeriodDays() {
                return 30;
            }

            public Map<ActivityType, Integer> periodDays() {
                return Map.of();
            }

            public int overlapWindowDays() {
                return 14;
            }

            public ZoneId dayZone() {
                return ZoneOffset.UTC;
            }

            public boolean withholdIncomplete() {
                return withhold;
            }

            public Duration checkInterval() {
                return Duration.ofMinutes(1);
            }
        };
    }
}
