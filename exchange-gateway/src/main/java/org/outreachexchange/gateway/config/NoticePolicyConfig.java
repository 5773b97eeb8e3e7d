package org.outreachexchange.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.outreachexchange.gateway.domain.ActivityType;

import java.time.Duration;
import java.util.Map;

/** The advance-notice policy and the coordination window. */
@ConfigMapping(prefix = "outreach.notice-policy")
public interface NoticePolicyConfig {

    /** Notice period in days for activity types without their own entry. */
    @WithDefault("30")
    int defaultPeriodDays();

    /** Notice period in days per activity type, e.g. {@code period-days.MULTILATERAL_SEMINAR=60}. */
    Map<ActivityType, Integer> periodDays();

    /** Activities of different governments for the same recipient closer than this many days overlap. */
    @WithDefault("14")
    int overlapWindowDays();

    /** How often the gateway looks for deadlines that passed without a complete notice. */
    @WithDefault("PT1M")
    Duration checkInterval();

    default int periodDays(ActivityType type) {
        return periodDays().getOrDefault(type, defaultPeriodDays());
    }
}
