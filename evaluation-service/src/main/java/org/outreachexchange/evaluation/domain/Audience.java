package org.outreachexchange.evaluation.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may know something that came from a partner's activity: everyone, or only the organizer and the partners it
 * named. Everything derived from a restricted activity (its coverage, its findings as evidence, the proposal that
 * carries them) keeps the activity's audience.
 *
 * @param restrictedTo null when every partner may see it; otherwise the governments that may, in code order
 *                     (the organizer always among them)
 */
public record Audience(List<String> restrictedTo) {

    public static final Audience ALL_PARTNERS = new Audience(null);

    public Audience {
        restrictedTo = restrictedTo == null ? null : List.copyOf(new TreeSet<>(restrictedTo));
    }

    /** The audience of an activity: everyone for ALL_PARTNERS, else the organizer and the named governments. */
    public static Audience of(DistributionScope scope, String organizer, Collection<String> named) {
        if (scope == DistributionScope.ALL_PARTNERS) {
            return ALL_PARTNERS;
        }
        Set<String> entitled = new TreeSet<>();
        if (named != null) {
            entitled.addAll(named);
        }
        entitled.add(organizer);
        return new Audience(List.copyOf(entitled));
    }

    public boolean restricted() {
        return restrictedTo != null;
    }

    public boolean visibleTo(String government) {
        return restrictedTo == null || restrictedTo.contains(government);
    }
}
