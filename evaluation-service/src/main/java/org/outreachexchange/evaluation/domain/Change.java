package org.outreachexchange.evaluation.domain;

/** The parts of an evaluation whose change is announced with a re-evaluation event. */
public enum Change {
    CATEGORY, RISK_BAND, RISK_SCORE, PRIORITY
}
