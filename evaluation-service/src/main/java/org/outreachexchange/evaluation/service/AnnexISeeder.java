package org.outreachexchange.evaluation.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Holds Annex I from the first start on; later starts find it and do nothing. */
@ApplicationScoped
public class AnnexISeeder {

    private static final Logger LOG = Logger.getLogger(AnnexISeeder.class);

    private final EvaluationService evaluations;

    AnnexISeeder(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    void onStart(@Observes StartupEvent event) {
        if (evaluations.seedAnnexI()) {
            LOG.info("seeded the Annex I evaluation of 20 economies");
        }
    }
}
