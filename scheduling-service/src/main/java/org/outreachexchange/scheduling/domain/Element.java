package org.outreachexchange.scheduling.domain;

/** The four elements that make a country's export controls effective. */
public enum Element {
    INTENTION,
    LAWS_REGULATIONS,
    ENFORCEMENT,
    INDUSTRY_COOPERATION
}
