package org.outreachexchange.scheduling.domain;

public enum SchedulePrecision {
    /** Only the month is known, as in Annex II. */
    MONTH,
    DATES
}
