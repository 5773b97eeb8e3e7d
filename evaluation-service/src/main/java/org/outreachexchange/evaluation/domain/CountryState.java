package org.outreachexchange.evaluation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * A country's evaluation at one moment: the inputs (elements, factor scores) and what follows from them under a
 * criteria version (category, risk score and band, priority rank).
 */
public record CountryState(String country, String countryName, Map<Element, ElementEvidence> elements,
                           Map<Factor, BigDecimal> factors, Category category, BigDecimal riskScore, RiskBand riskBand,
                           int priority, int criteriaVersion) {

    public CountryState {
        elements = Map.copyOf(new EnumMap<>(elements));
        Map<Factor, BigDecimal> normalized = new EnumMap<>(Factor.class);
        factors.forEach((factor, score) -> normalized.put(factor, score.setScale(Criteria.SCALE, RoundingMode.HALF_UP)));
        factors = Map.copyOf(normalized);
    }

    public Map<Element, Sufficiency> assessments() {
        Map<Element, Sufficiency> assessments = new EnumMap<>(Element.class);
        elements.forEach((element, evidence) -> assessments.put(element, evidence.assessment()));
        return assessments;
    }

    CountryState withInputs(Map<Element, ElementEvidence> newElements, Map<Factor, BigDecimal> newFactors) {
        return new CountryState(country, countryName, newElements, newFactors, category, riskScore, riskBand, priority, criteriaVersion);
    }

    CountryState derived(Criteria criteria, int rank) {
        BigDecimal score = criteria.score(factors);
        return new CountryState(country, countryName, elements, factors, Category.derive(assessments()), score,
                criteria.band(score), rank, criteria.version());
    }
}
