package org.outreachexchange.evaluation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-evaluates all countries at once, because a change to one country's risk can move every other country's
 * priority rank. Pure: the same inputs always give the same outcomes, so a preview is exactly what an adoption does.
 */
public final class Evaluator {

    /** Priority: higher risk first, then farther from effective controls (lower category), then country code. */
    static final Comparator<CountryState> PRIORITY = Comparator.comparing(CountryState::riskScore).reversed()
            .thenComparing(CountryState::category)
            .thenComparing(CountryState::country);

    private Evaluator() {
    }

    /**
     * @param current   every country's current state (rank 0 and null derived fields for countries being seeded)
     * @param mutations new inputs per country code
     * @param criteria  the criteria to evaluate under
     * @param seeding   whether {@code current} holds new countries, whose outcomes have no "before"
     */
    public static List<Outcome> reevaluate(List<CountryState> current, Map<String, Mutation> mutations, Criteria criteria,
                                           boolean seeding) {
        List<CountryState> unranked = new ArrayList<>();
        for (CountryState state : current) {
            Mutation mutation = mutations.get(state.country());
            CountryState changed = state;
            if (mutation != null) {
                Map<Element, ElementEvidence> elements = new EnumMap<>(Element.class);
                elements.putAll(state.elements());
                elements.putAll(mutation.elements());
                Map<Factor, BigDecimal> factors = new EnumMap<>(Factor.class);
                factors.putAll(state.factors());
                factors.putAll(mutation.factors());
                changed = state.withInputs(elements, factors);
            }
            unranked.add(changed.derived(criteria, 0));
        }
        unranked.sort(PRIORITY);
        Map<String, CountryState> ranked = new HashMap<>();
        for (int i = 0; i < unranked.size(); i++) {
            CountryState state = unranked.get(i);
            ranked.put(state.country(), state.derived(criteria, i + 1));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (CountryState before : current) {
            CountryState after = ranked.get(before.country());
            if (seeding) {
                outcomes.add(new Outcome(null, after, EnumSet.allOf(Change.class), true));
            } else {
                boolean altered = !before.elements().equals(after.elements()) || !before.factors().equals(after.factors())
                        || before.criteriaVersion() != after.criteriaVersion();
                outcomes.add(new Outcome(before, after, changes(before, after), altered));
            }
        }
        return outcomes;
    }

    private static Set<Change> changes(CountryState before, CountryState after) {
        Set<Change> changes = EnumSet.noneOf(Change.class);
        if (before.category() != after.category()) {
            changes.add(Change.CATEGORY);
        }
        if (before.riskBand() != after.riskBand()) {
            changes.add(Change.RISK_BAND);
        }
        if (before.riskScore().compareTo(after.riskScore()) != 0) {
            changes.add(Change.RISK_SCORE);
        }
        if (before.priority() != after.priority()) {
            changes.add(Change.PRIORITY);
        }
        return changes;
    }
}
