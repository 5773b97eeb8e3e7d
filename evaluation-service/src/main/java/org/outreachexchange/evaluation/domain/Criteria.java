package org.outreachexchange.evaluation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * A version of the risk criteria: each factor's weight (summing to 1) and the score from which the risk is High.
 */
public record Criteria(int version, Map<Factor, BigDecimal> weights, BigDecimal highThreshold) {

    public static final int SCALE = 4;

    public Criteria {
        weights = Map.copyOf(new EnumMap<>(weights));
    }

    /** The weighted sum of the factor scores, rounded so that equal inputs always give equal, comparable scores. */
    public BigDecimal score(Map<Factor, BigDecimal> factors) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Factor factor : Factor.values()) {
            sum = sum.add(weights.getOrDefault(factor, BigDecimal.ZERO).multiply(factors.getOrDefault(factor, BigDecimal.ZERO)));
        }
        return sum.setScale(SCALE, RoundingMode.HALF_UP);
    }

    public RiskBand band(BigDecimal score) {
        return score.compareTo(highThreshold) >= 0 ? RiskBand.HIGH : RiskBand.LOW;
    }
}
