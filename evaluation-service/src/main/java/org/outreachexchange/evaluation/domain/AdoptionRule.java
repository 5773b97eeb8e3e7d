package org.outreachexchange.evaluation.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How many of the other partner governments (all trusted partners but the proposer) must concur before a proposal
 * is adopted. The same rule holds for every kind of proposal; one objection drops a proposal under either rule.
 */
public enum AdoptionRule {
    /** Every other trusted partner government concurs. */
    UNANIMITY,
    /** More than half of the other trusted partner governments concur. */
    MAJORITY;

    /**
     * @param others     the governments whose answer counts: every trusted partner except the proposer
     * @param concurring the governments that have concurred (others' concurrences only count)
     * @return whether the proposal is adopted; with no other partner there is nobody to wait for
     */
    public boolean isMet(Set<String> others, Collection<String> concurring) {
        long counted = concurring.stream().distinct().filter(others::contains).count();
        return switch (this) {
            case UNANIMITY -> counted == others.size();
            case MAJORITY -> others.isEmpty() || counted * 2 > others.size();
        };
    }

    /** The other partners that have not answered yet, in code order. */
    public static List<String> awaiting(Set<String> others, Collection<String> answered) {
        Set<String> waiting = new TreeSet<>(others);
        waiting.removeAll(answered);
        return List.copyOf(waiting);
    }
}
