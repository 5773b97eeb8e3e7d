package org.outreachexchange.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.edge.RequestValidator;
import org.outreachexchange.evaluation.domain.Change;
import org.outreachexchange.evaluation.domain.Criteria;
import org.outreachexchange.evaluation.domain.CriteriaRepository;
import org.outreachexchange.evaluation.domain.CriteriaVersion;
import org.outreachexchange.evaluation.domain.Evaluator;
import org.outreachexchange.evaluation.domain.Factor;
import org.outreachexchange.evaluation.domain.Outcome;
import org.outreachexchange.evaluation.domain.Proposal;
import org.outreachexchange.identity.AgencyIdentity;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Criteria reviews: preview a new version's effect, then propose it; the partners' concurrence adopts it
 * ({@link ProposalService}) and re-evaluates every country.
 */
@ApplicationScoped
public class CriteriaService {

    private final CriteriaRepository criteria;
    private final EvaluationService evaluations;
    private final ProposalService proposals;
    private final RequestValidator requests;
    private final Clock clock;

    CriteriaService(CriteriaRepository criteria, EvaluationService evaluations, ProposalService proposals,
                    RequestValidator requests, Clock clock) {
        this.criteria = criteria;
        this.evaluations = evaluations;
        this.proposals = proposals;
        this.requests = requests;
        this.clock = clock;
    }

    /** Up to {@code count} adopted versions after {@code afterVersion}, oldest first. */
    @Transactional
    public List<CriteriaVersion> versions(int afterVersion, int count) {
        return criteria.versionsAfter(afterVersion, count);
    }

    @Transactional
    public CriteriaPreview preview(CriteriaRequest request) {
        Criteria current = evaluations.currentCriteria();
        Criteria proposed = validated(request, current.version() + 1);
        List<Outcome> outcomes = Evaluator.reevaluate(evaluations.states(), Map.of(), proposed, false);
        return new CriteriaPreview(current.version(), proposed, describe(outcomes, current, proposed));
    }

    /**
     * Opens a CRITERIA proposal as the caller's government; nothing changes until the other partners concur. The
     * version number is assigned on adoption (the version then in force, plus one).
     */
    @Transactional
    public Proposal propose(AgencyIdentity caller, CriteriaRequest request) {
        Mandate.requireDecider(caller);
        Criteria current = evaluations.currentCriteria();
        Criteria proposed = validated(request, current.version() + 1);
        proposals.requireRoomFor(caller.government());
        return proposals.open(Proposal.openCriteria(UUID.randomUUID(), caller.government(), caller.agency(),
                request.rationale(), clock.instant(), proposed));
    }

    /**
     * The request's annotated rules (each weight and the threshold in range, with at most four decimals) and the
     * criteria's own (a weight for every factor, summing to 1), refused at once. The sum is checked only over weights
     * that are each valid, so it is always a short number.
     */
    private Criteria validated(CriteriaRequest request, int version) {
        List<FieldError> errors = new ArrayList<>();
        if (request != null && request.weights() != null) {
            boolean eachValid = requests.check(request).stream().noneMatch(e -> e.field().startsWith("weights"));
            weights(request.weights(), eachValid, errors);
        }
        requests.require(request, errors);
        return new Criteria(version, request.weights(), request.highThreshold());
    }

    private static void weights(Map<Factor, BigDecimal> weights, boolean eachValid, List<FieldError> errors) {
        BigDecimal sum = BigDecimal.ZERO;
        int before = errors.size();
        for (Factor factor : Factor.values()) {
            BigDecimal weight = weights.get(factor);
            if (weight == null) {
                errors.add(new FieldError("weights[" + factor + "]", "required", "every factor needs a weight"));
            } else {
                sum = sum.add(weight);
            }
        }
        if (eachValid && errors.size() == before && sum.compareTo(BigDecimal.ONE) != 0) {
            errors.add(new FieldError("weights", "sum", "the weights must sum to 1, they sum to " + sum));
        }
    }

    private static List<CriteriaPreview.CountryChange> describe(List<Outcome> outcomes, Criteria current, Criteria proposed) {
        List<CriteriaPreview.CountryChange> changes = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (!outcome.announced()) {
                continue;
            }
            var before = outcome.before();
            var after = outcome.after();
            List<String> why = new ArrayList<>();
            if (outcome.changes().contains(Change.RISK_SCORE)) {
                why.add("risk score " + before.riskScore() + " -> " + after.riskScore() + " under the new weights");
            }
            if (outcome.changes().contains(Change.RISK_BAND)) {
                why.add("band " + before.riskBand() + " -> " + after.riskBand() + " (score " + after.riskScore()
                        + ", High from " + proposed.highThreshold() + " instead of " + current.highThreshold() + ")");
            }
            if (outcome.changes().contains(Change.PRIORITY)) {
                why.add("priority " + before.priority() + " -> " + after.priority());
            }
            changes.add(new CriteriaPreview.CountryChange(after.country(), after.countryName(), outcome.changes(),
                    after.category(), before.riskBand(), after.riskBand(), before.riskScore(), after.riskScore(),
                    before.priority(), after.priority(), String.join("; ", why)));
        }
        return changes;
    }
}
