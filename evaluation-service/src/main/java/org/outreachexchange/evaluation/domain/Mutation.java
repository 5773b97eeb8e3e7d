package org.outreachexchange.evaluation.domain;

import java.math.BigDecimal;
import java.util.Map;

/** New element assessments and/or factor scores for one country; what is not named stays as it is. */
public record Mutation(Map<Element, ElementEvidence> elements, Map<Factor, BigDecimal> factors) {

    public Mutation {
        elements = Map.copyOf(elements);
        factors = Map.copyOf(factors);
    }

    public static Mutation ofElements(Map<Element, ElementEvidence> elements) {
        return new Mutation(elements, Map.of());
    }
}
