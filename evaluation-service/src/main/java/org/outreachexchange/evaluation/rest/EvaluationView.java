package org.outreachexchange.evaluation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.outreachexchange.evaluation.domain.Category;
import org.outreachexchange.evaluation.domain.CountryEvaluation;
import org.outreachexchange.evaluation.domain.CountryState;
import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.Factor;
import org.outreachexchange.evaluation.domain.HistoryEntry;
import org.outreachexchange.evaluation.domain.Mutation;
import org.outreachexchange.evaluation.domain.Proposal;
import org.outreachexchange.evaluation.domain.ProposalKind;
import org.outreachexchange.evaluation.domain.Recommendation;
import org.outreachexchange.evaluation.domain.ReferenceData;
import org.outreachexchange.evaluation.domain.RiskBand;
import org.outreachexchange.evaluation.domain.RoleSharingTable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A country's evaluation with what it recommends, as the caller may see it; {@code effectiveAt} is when this state
 * took effect. {@code proposed} (only on the current evaluation of one country) lists the open proposals that would
 * change it, with their evidence redacted for a caller not entitled to it.
 */
public record EvaluationView(String country, String countryName, Category category, Map<Element, EvidenceView> elements,
                             Map<Factor, BigDecimal> factors, BigDecimal riskScore, RiskBand riskBand, int priority,
                             int criteriaVersion, int evaluationVersion, Instant effectiveAt,
                             Recommendation recommendation,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<ProposedChange> proposed) {

    /** An open proposal's changes to this country: evidence not yet adopted. */
    public record ProposedChange(UUID proposalId, ProposalKind kind, String proposedBy, Instant proposedAt,
                                 Map<Element, EvidenceView> elements, Map<Factor, BigDecimal> factors,
                                 boolean restricted, boolean redacted) {

        static ProposedChange of(Proposal proposal, String country, String viewer) {
            Mutation mutation = proposal.changes.getOrDefault(country, new Mutation(Map.of(), Map.of()));
            return new ProposedChange(proposal.id, proposal.kind, proposal.proposedBy, proposal.proposedAt,
                    EvidenceView.of(mutation.elements(), viewer), mutation.orderedFactors(), proposal.restricted(),
                    !proposal.visibleTo(viewer));
        }
    }

    static EvaluationView of(CountryEvaluation evaluation, String viewer, RoleSharingTable roles) {
        return of(evaluation.state(), evaluation.evaluationVersion, evaluation.updatedAt, viewer, null, roles);
    }

    static EvaluationView of(CountryEvaluation evaluation, String viewer, List<Proposal> open, RoleSharingTable roles) {
        return of(evaluation.state(), evaluation.evaluationVersion, evaluation.updatedAt, viewer,
                open.stream().map(p -> ProposedChange.of(p, evaluation.country, viewer)).toList(), roles);
    }

    /** A past evaluation, recommended as the role-sharing table in force now recommends it. */
    static EvaluationView of(HistoryEntry entry, String viewer, RoleSharingTable roles) {
        return of(entry.state, entry.evaluationVersion, entry.effectiveAt, viewer, null, roles);
    }

    private static EvaluationView of(CountryState state, int evaluationVersion, Instant effectiveAt, String viewer,
                                     List<ProposedChange> proposed, RoleSharingTable roles) {
        return new EvaluationView(state.country(), state.countryName(), state.category(),
                EvidenceView.of(state.elements(), viewer), state.factors(), state.riskScore(), state.riskBand(),
                state.priority(), state.criteriaVersion(), evaluationVersion, effectiveAt,
                ReferenceData.recommendation(state.category(), roles), proposed);
    }
}
