package org.outreachexchange.evaluation.domain;

/** Who an activity is shared with, as its organizer decided (the activity event's {@code distribution.scope}). */
public enum DistributionScope {
    /** Every partner government. */
    ALL_PARTNERS,
    /** Only the governments the organizer named. */
    NAMED_PARTNERS
}
