package org.outreachexchange.evaluation.domain;

import java.util.Set;

/**
 * What a re-evaluation does to one country.
 *
 * @param before  the state before; null when the country is new (seed)
 * @param after   the state after
 * @param changes which announced parts changed (all of them for a new country)
 * @param altered whether the inputs (elements, factors) or the criteria version changed, which is recorded in the
 *                history even when nothing announced changed
 */
public record Outcome(CountryState before, CountryState after, Set<Change> changes, boolean altered) {

    public boolean announced() {
        return !changes.isEmpty();
    }

    public boolean recorded() {
        return altered || announced();
    }
}
