package org.outreachexchange.scheduling.config;

import io.smallrye.config.ConfigMapping;

/** Which government this deployment serves. */
@ConfigMapping(prefix = "outreach.scheduling")
public interface SchedulingConfig {

    /** The government whose agencies use this deployment, e.g. JP. */
    String government();
}
