package org.outreachexchange.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.outreachexchange.events.EventValues;
import org.outreachexchange.gateway.domain.ActivityType;

import java.time.Duration;
import java.time.ZoneId;
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

    /**
     * The time zone whose calendar days the notice period counts: notice given on day D for an activity starting on
     * D + period is in time.
     */
    @WithDefault("UTC")
    ZoneId dayZone();

    /**
     * Whether an activity whose notice is still incomplete when its deadline passes is withheld from the partners it
     * is shared with until the organizer completes it. Off by default: partners see it, marked incomplete with what
     * is missing, because withholding a partner's plan defeats the purpose of sharing it.
     */
    @WithDefault("false")
    boolean withholdIncomplete();

    /** How often the gateway looks for deadlines that passed without a complete notice. */
    @WithDefault("PT1M")
    Duration checkInterval();

    /** A type this gateway does not know (a newer producer's) has the default period. */
    default int periodDays(String type) {
        return EventValues.known(ActivityType.class, type).map(periodDays()::get).orElse(defaultPeriodDays());
    }
}
