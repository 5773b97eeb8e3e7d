package org.outreachexchange.gateway.service;

import org.junit.jupiter.api.Test;
import org.outreachexchange.gateway.config.NoticePolicyConfig;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.ActivityType;
import org.outreachexchange.gateway.domain.DistributionScope;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

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
        Activity activity = incompletePastDeadline();
        activity.distributionScope = DistributionScope.NAMED_PARTNERS;
        activity.distributionGovernments = "US";

        SharingPolicy sharing = new SharingPolicy(policy(false));

        assertThat(sharing.sharedWith(activity, "US", NOW)).isTrue();
        assertThat(sharing.sharedWith(activity, "AU", NOW)).isFalse();
    }

    private static Activity incompletePastDeadline() {
        Activity activity = new Activity();
        activity.organizer = "JP";
        activity.distributionScope = DistributionScope.ALL_PARTNERS;
        activity.distributionGovernments = "";
        activity.missing = "AGENDA";
        activity.deadline = NOW.minus(Duration.ofDays(1));
        return activity;
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
