package org.outreachexchange.gateway.domain;

/** The outreach tools of the source document; also the tool names of evaluation recommendations. */
public enum ActivityType {
    BILATERAL_CONSULTATION, MULTILATERAL_SEMINAR, INDUSTRY_OUTREACH_SEMINAR, LEGAL_ASSISTANCE, OFFICER_TRAINING, ICP_INTRODUCTION, INFORMATION_EXCHANGE
}
