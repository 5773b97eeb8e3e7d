package org.outreachexchange.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.gateway.domain.Evaluation;
import org.outreachexchange.gateway.domain.EvaluationRepository;
import org.outreachexchange.gateway.messaging.CloudEventHeaders;
import org.outreachexchange.gateway.messaging.CountryReevaluated;
import org.outreachexchange.gateway.messaging.ProposalChanged;
import org.outreachexchange.outbox.ProcessedEvents;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Applies the evaluation-service's events: re-evaluations (each country's latest category and tools, then the
 * subscribers) and proposals to change the evaluation (to the subscribers).
 */
@ApplicationScoped
public class EvaluationService {

    static final String CONSUMER = "exchange-gateway.evaluations";

    private final EvaluationRepository evaluations;
    private final ProcessedEvents processed;
    private final FeedService feeds;
    private final CoordinationService coordination;
    private final ObjectMapper json;
    private final Clock clock;

    EvaluationService(EvaluationRepository evaluations, ProcessedEvents processed, FeedService feeds,
                      CoordinationService coordination, ObjectMapper json, Clock clock) {
        this.evaluations = evaluations;
        this.processed = processed;
        this.feeds = feeds;
        this.coordination = coordination;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public void apply(CloudEventHeaders ce, CountryReevaluated event, String data) {
        if (!processed.firstDelivery(CONSUMER, ce.id())) {
            return;
        }
        Optional<Evaluation> held = evaluations.findByIdOptional(event.country());
        if (held.isPresent() && !held.get().supersededBy(event.evaluationVersion())) {
            return; // stale
        }
        Evaluation evaluation = held.orElseGet(() -> Evaluation.of(event.country()));
        evaluation.reevaluate(event.evaluationVersion(), event.countryName(), event.after().category(), write(event), event.occurredAt());
        if (held.isEmpty()) {
            evaluations.persist(evaluation);
        }
        coordination.recheckRoles(evaluation);
        feeds.reevaluated(event, "country.reevaluated", data, clock.instant());
    }

    @Transactional
    public void apply(CloudEventHeaders ce, ProposalChanged event, String data) {
        if (!processed.firstDelivery(CONSUMER, ce.id())) {
            return;
        }
        feeds.proposalChanged(event, ce.type().substring("outreach.".length()), data, clock.instant());
    }

    private String write(CountryReevaluated event) {
        try {
            return json.writeValueAsString(event.tools());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
