package org.outreachexchange.scheduling.domain;

/** The outreach tools named in the source document; each activity uses one. */
public enum ActivityType {
    BILATERAL_CONSULTATION,
    MULTILATERAL_SEMINAR,
    INDUSTRY_OUTREACH_SEMINAR,
    LEGAL_ASSISTANCE,
    OFFICER_TRAINING,
    ICP_INTRODUCTION,
    INFORMATION_EXCHANGE
}
