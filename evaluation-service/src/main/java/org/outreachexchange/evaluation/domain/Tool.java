package org.outreachexchange.evaluation.domain;

/** Outreach tools; the names are the activity types of the scheduling-service's events. */
public enum Tool {
    BILATERAL_CONSULTATION, MULTILATERAL_SEMINAR, INDUSTRY_OUTREACH_SEMINAR, LEGAL_ASSISTANCE, OFFICER_TRAINING,
    ICP_INTRODUCTION, INFORMATION_EXCHANGE
}
