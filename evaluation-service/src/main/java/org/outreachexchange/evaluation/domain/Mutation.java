package org.outreachexchange.evaluation.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** New element assessments and/or factor scores for one country; what is not named stays as it is. */
public record Mutation(Map<Element, ElementEvidence> elements, Map<Factor, BigDecimal> factors) {

    public Mutation {
        elements = elements == null ? Map.of() : Map.copyOf(elements);
        factors = factors == null ? Map.of() : Map.copyOf(factors);
    }

    public static Mutation ofElements(Map<Element, ElementEvidence> elements) {
        return new Mutation(elements, Map.of());
    }

    /** The element changes in element order (Map.copyOf has none). */
    public Map<Element, ElementEvidence> orderedElements() {
        return elements.isEmpty() ? Map.of() : new EnumMap<>(elements);
    }

    /** The factor changes in factor order. */
    public Map<Factor, BigDecimal> orderedFactors() {
        return factors.isEmpty() ? Map.of() : new EnumMap<>(factors);
    }
}
