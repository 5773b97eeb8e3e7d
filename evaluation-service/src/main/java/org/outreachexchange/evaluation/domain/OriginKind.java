package org.outreachexchange.evaluation.domain;

/** What caused a change to an evaluation. */
public enum OriginKind {
    SEED, ACTIVITY_RESULTS, PARTNER_ASSESSMENT, CRITERIA_REVIEW
}
