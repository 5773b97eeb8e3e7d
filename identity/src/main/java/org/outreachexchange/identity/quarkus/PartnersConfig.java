package org.outreachexchange.identity.quarkus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Where the partners document is and how often the service looks at it again. */
@ConfigMapping(prefix = "outreach.partners")
public interface PartnersConfig {

    /**
     * The partners document (JSON). Without it the service trusts the keys in {@code outreach.identity.public-keys.*}
     * and {@code outreach.event-signing.public-keys.*}, one per government, fixed until a restart.
     */
    Optional<String> file();

    /** How often the file is read again; a newer valid version applies from the next check. */
    @WithDefault("PT2S")
    Duration checkInterval();
}
