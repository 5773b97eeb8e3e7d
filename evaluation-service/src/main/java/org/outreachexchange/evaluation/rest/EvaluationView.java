package org.outreachexchange.evaluation.rest;

import org.outreachexchange.evaluation.domain.Category;
import org.outreachexchange.evaluation.domain.CountryEvaluation;
import org.outreachexchange.evaluation.domain.CountryState;
import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.ElementEvidence;
import org.outreachexchange.evaluation.domain.Factor;
import org.outreachexchange.evaluation.domain.HistoryEntry;
import org.outreachexchange.evaluation.domain.Recommendation;
import org.outreachexchange.evaluation.domain.ReferenceData;
import org.outreachexchange.evaluation.domain.RiskBand;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A country's evaluation with what it recommends; {@code effectiveAt} is when this state took effect. */
public record EvaluationView(String country, String countryName, Category category, Map<Element, ElementEvidence> elements,
                             Map<Factor, BigDecimal> factors, BigDecimal riskScore, RiskBand riskBand, int priority,
                             int criteriaVersion, int evaluationVersion, Instant effectiveAt,
                             Recommendation recommendation) {

    static EvaluationView of(CountryEvaluation evaluation) {
        return of(evaluation.state(), evaluation.evaluationVersion, evaluation.updatedAt);
    }

    static EvaluationView of(HistoryEntry entry) {
        return of(entry.state, entry.evaluationVersion, entry.effectiveAt);
    }

    private static EvaluationView of(CountryState state, int evaluationVersion, Instant effectiveAt) {
        return new EvaluationView(state.country(), state.countryName(), state.category(), state.elements(), state.factors(),
                state.riskScore(), state.riskBand(), state.priority(), state.criteriaVersion(), evaluationVersion,
                effectiveAt, ReferenceData.recommendation(state.category()));
    }
}
