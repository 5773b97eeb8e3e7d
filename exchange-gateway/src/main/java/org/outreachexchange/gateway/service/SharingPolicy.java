package org.outreachexchange.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.outreachexchange.gateway.config.NoticePolicyConfig;
import org.outreachexchange.gateway.domain.Activity;

import java.time.Instant;

/**
 * Who sees an activity: its organizer always; partners when its distribution includes them, unless the optional
 * withholding of incomplete notices ({@code outreach.notice-policy.withhold-incomplete}, off by default) applies.
 */
@ApplicationScoped
public class SharingPolicy {

    private final NoticePolicyConfig policy;

    SharingPolicy(NoticePolicyConfig policy) {
        this.policy = policy;
    }

    public boolean withheld(Activity activity, Instant now) {
        return policy.withholdIncomplete() && activity.incompletePastDeadline(now);
    }

    /** Whether {@code government} may see the activity at {@code now}. */
    public boolean sharedWith(Activity activity, String government, Instant now) {
        return activity.organizer.equals(government) || (activity.visibleTo(government) && !withheld(activity, now));
    }
}
