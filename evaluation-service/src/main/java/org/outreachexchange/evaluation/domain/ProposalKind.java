package org.outreachexchange.evaluation.domain;

/** What a proposal would change once the partners concur. */
public enum ProposalKind {
    /** A partner's assessment of one country's elements and/or factor scores. */
    ASSESSMENT,
    /** A new version of the risk criteria, re-evaluating every country. */
    CRITERIA,
    /** The findings of a completed activity, for one or more countries. */
    FINDINGS,
    /** What one partner leads in each category: a row of the role-sharing table, as the partners document states it. */
    ROLE_SHARING
}
