package org.outreachexchange.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.evaluation.domain.Change;
import org.outreachexchange.evaluation.domain.Criteria;
import org.outreachexchange.evaluation.domain.CriteriaRepository;
import org.outreachexchange.evaluation.domain.CriteriaVersion;
import org.outreachexchange.evaluation.domain.Evaluator;
import org.outreachexchange.evaluation.domain.Factor;
import org.outreachexchange.evaluation.domain.Outcome;
import org.outreachexchange.evaluation.domain.Proposal;
import org.outreachexchange.evaluation.domain.ProposalKind;
import org.outreachexchange.identity.AgencyIdentity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Criteria reviews: preview a new version's effect, then propose it; the partners' concurrence adopts it
 * ({@link ProposalService}) and re-evaluates every country.
 */
@ApplicationScoped
public class CriteriaService {

    private final CriteriaRepository criteria;
    private final EvaluationService evaluations;
    private final ProposalService proposals;

    CriteriaService(CriteriaRepository criteria, EvaluationService evaluations, ProposalService proposals) {
        this.criteria = criteria;
        this.evaluations = evaluations;
        this.proposals = proposals;
    }

    @Transactional
    public List<CriteriaVersion> versions() {
        return criteria.allVersions();
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
        Criteria current = evaluations.currentCriteria();
        Criteria proposed = validated(request, current.version() + 1);
        Proposal proposal = proposals.newProposal(ProposalKind.CRITERIA, caller.government(), caller.agency(), request.rationale());
        proposal.weights = proposed.weights();
        proposal.highThreshold = proposed.highThreshold();
        return proposals.open(proposal);
    }

    private static Criteria validated(CriteriaRequest request, int version) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Factor factor : Factor.values()) {
            BigDecimal weight = request.weights().get(factor);
            String field = "weights." + factor;
            if (weight == null) {
                errors.add(new ProblemException.FieldError(field, "required", "every factor needs a weight"));
            } else if (weight.signum() < 0 || weight.compareTo(BigDecimal.ONE) > 0) {
                errors.add(new ProblemException.FieldError(field, "range", "a weight lies between 0 and 1"));
            } else {
                sum = sum.add(weight);
            }
        }
        if (errors.isEmpty() && sum.compareTo(BigDecimal.ONE) != 0) {
            errors.add(new ProblemException.FieldError("weights", "sum", "the weights must sum to 1, they sum to " + sum));
        }
        BigDecimal threshold = request.highThreshold();
        if (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.ONE) > 0) {
            errors.add(new ProblemException.FieldError("highThreshold", "range", "the High threshold lies in (0, 1]"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Criteria(version, request.weights(), threshold);
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
