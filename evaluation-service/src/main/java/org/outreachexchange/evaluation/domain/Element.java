package org.outreachexchange.evaluation.domain;

/** The four elements of effective export controls, in the order the categories are built on. */
public enum Element {
    INTENTION, LAWS_REGULATIONS, ENFORCEMENT, INDUSTRY_COOPERATION
}
