package org.outreachexchange.evaluation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.outreachexchange.evaluation.domain.AdoptionRule;

import java.time.Duration;

@ConfigMapping(prefix = "outreach.evaluation")
public interface EvaluationConfig {

    Proposals proposals();

    Activities activities();

    interface Activities {

        /**
         * Attempts to apply an activity event when the failure may pass (database unavailable, lock timeout) before
         * it goes to the dead-letter topic. Poison messages go there at once.
         */
        @WithDefault("5")
        int maxAttempts();

        /** Longest pause between attempts; pauses double from 200 ms. */
        @WithDefault("5s")
        Duration maxBackoff();
    }

    interface Proposals {

        /**
         * How many of the other partner governments must concur before a proposal of any kind (assessment, criteria,
         * findings) is adopted.
         */
        @WithDefault("UNANIMITY")
        AdoptionRule adoption();

        /**
         * Open ASSESSMENT and CRITERIA proposals one government may have at once; another is refused (429) until one
         * is decided. FINDINGS proposals (at most one per completed activity, opened by events) do not count.
         */
        @WithDefault("100")
        int maxOpenPerGovernment();
    }
}
