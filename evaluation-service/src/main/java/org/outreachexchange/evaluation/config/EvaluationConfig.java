package org.outreachexchange.evaluation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "outreach.evaluation")
public interface EvaluationConfig {

    Assessments assessments();

    interface Assessments {

        /** How many of the other partner governments must concur before a proposal is adopted. */
        @WithDefault("UNANIMITY")
        AdoptionRule adoption();
    }

    enum AdoptionRule {
        /** Every other trusted partner government concurs. */
        UNANIMITY,
        /** More than half of the other trusted partner governments concur. */
        MAJORITY
    }
}
