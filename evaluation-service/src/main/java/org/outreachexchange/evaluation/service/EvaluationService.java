package org.outreachexchange.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.evaluation.domain.AnnexI;
import org.outreachexchange.evaluation.domain.Category;
import org.outreachexchange.evaluation.domain.CountryEvaluation;
import org.outreachexchange.evaluation.domain.CountryEvaluationRepository;
import org.outreachexchange.evaluation.domain.CountryState;
import org.outreachexchange.evaluation.domain.Criteria;
import org.outreachexchange.evaluation.domain.CriteriaRepository;
import org.outreachexchange.evaluation.domain.CriteriaVersion;
import org.outreachexchange.evaluation.domain.Evaluator;
import org.outreachexchange.evaluation.domain.HistoryEntry;
import org.outreachexchange.evaluation.domain.HistoryRepository;
import org.outreachexchange.evaluation.domain.Mutation;
import org.outreachexchange.evaluation.domain.Origin;
import org.outreachexchange.evaluation.domain.OriginKind;
import org.outreachexchange.evaluation.domain.Outcome;
import org.outreachexchange.evaluation.domain.RiskBand;
import org.outreachexchange.evaluation.messaging.ReevaluationEvents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads evaluations and applies every change to them. All changes go through {@link #reevaluate}, which takes a
 * lock, so priority ranks are always computed over a consistent set of countries.
 */
@ApplicationScoped
public class EvaluationService {

    /** Serializes re-evaluations across instances; ranks depend on every country at once. */
    private static final long LOCK_ID = 0x0e7a1L;

    private final CountryEvaluationRepository countries;
    private final HistoryRepository history;
    private final CriteriaRepository criteria;
    private final ReevaluationEvents events;
    private final EntityManager entityManager;
    private final Clock clock;

    EvaluationService(CountryEvaluationRepository countries, HistoryRepository history, CriteriaRepository criteria,
                      ReevaluationEvents events, EntityManager entityManager, Clock clock) {
        this.countries = countries;
        this.history = history;
        this.criteria = criteria;
        this.events = events;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public List<CountryEvaluation> list(Optional<Category> category, Optional<RiskBand> band, boolean byPriority) {
        Comparator<CountryEvaluation> order = byPriority ? Comparator.comparingInt(c -> c.priority)
                : Comparator.comparing(c -> c.country);
        return countries.allByCountry().stream()
                .filter(c -> category.map(k -> k == c.category).orElse(true))
                .filter(c -> band.map(b -> b == c.riskBand).orElse(true))
                .sorted(order)
                .toList();
    }

    @Transactional
    public CountryEvaluation get(String country) {
        return countries.findByIdOptional(country).orElseThrow(() -> ProblemException.notFound(country + " is not an evaluated country"));
    }

    /** Up to {@code count} changes to a country's evaluation after {@code afterVersion}, oldest first. */
    @Transactional
    public List<HistoryEntry> history(String country, int afterVersion, int count) {
        get(country);
        return history.ofCountry(country, afterVersion, count);
    }

    /** The evaluation in effect at the end of {@code date} (UTC). */
    @Transactional
    public HistoryEntry at(String country, LocalDate date) {
        return history.inEffect(country, date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElseThrow(() -> ProblemException.notFound(country + " had no evaluation on " + date));
    }

    @Transactional
    public Criteria currentCriteria() {
        return criteria.current().map(CriteriaVersion::criteria)
                .orElseThrow(() -> new IllegalStateException("no criteria adopted; the seed has not run"));
    }

    @Transactional
    public List<CountryState> states() {
        return countries.allByCountry().stream().map(CountryEvaluation::state).toList();
    }

    /**
     * Applies {@code mutations} under {@code under} to all countries, records every altered evaluation in the history
     * and appends one re-evaluation event per country whose category, band, score or priority changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Outcome> reevaluate(Map<String, Mutation> mutations, Criteria under, Origin origin, String reason) {
        lock();
        List<CountryEvaluation> all = countries.allByCountry();
        List<Outcome> outcomes = Evaluator.reevaluate(all.stream().map(CountryEvaluation::state).toList(), mutations, under, false);
        Instant now = clock.instant();
        for (int i = 0; i < all.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (!outcome.recorded()) {
                continue;
            }
            CountryEvaluation evaluation = all.get(i);
            String why = mutations.containsKey(evaluation.country) || outcome.altered() ? reason
                    : "Priority rank moved from " + outcome.before().priority() + " to " + outcome.after().priority()
                    + " after another country's re-evaluation: " + reason;
            evaluation.apply(outcome.after(), now);
            history.persist(HistoryEntry.of(evaluation, outcome, origin, why, now, now));
            if (outcome.announced()) {
                events.append(outcome, evaluation.evaluationVersion, origin, why, now);
            }
        }
        return outcomes;
    }

    /**
     * Seeds Annex I and criteria version 1 unless already there, with one history entry and one SEED event per
     * country. The lock makes concurrent first starts of several instances seed once.
     */
    @Transactional
    public boolean seedAnnexI() {
        lock();
        if (countries.count() > 0) {
            return false;
        }
        Instant now = clock.instant();
        Criteria initial = AnnexI.defaultCriteria();
        if (criteria.current().isEmpty()) {
            criteria.persist(CriteriaVersion.initial(initial,
                    "Default criteria, chosen to reproduce the risk bands of " + AnnexI.SOURCE, now));
        }
        List<CountryState> annex = AnnexI.ENTRIES.stream().map(e -> new CountryState(e.country(), e.name(), e.elements(),
                e.factors(), null, null, null, 0, 0)).toList();
        Origin origin = new Origin(OriginKind.SEED, AnnexI.SOURCE, null);
        String reason = "Starting evaluation from " + AnnexI.SOURCE;
        Instant effective = AnnexI.DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Outcome outcome : Evaluator.reevaluate(annex, Map.of(), initial, true)) {
            CountryEvaluation evaluation = new CountryEvaluation();
            evaluation.apply(outcome.after(), now);
            countries.persist(evaluation);
            history.persist(HistoryEntry.of(evaluation, outcome, origin, reason, effective, now));
            events.append(outcome, evaluation.evaluationVersion, origin, reason, now);
        }
        return true;
    }

    private void lock() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK_ID + ")").getSingleResult();
    }
}
