package org.outreachexchange.evaluation.domain;

/** Risk of diversion to countries of concern, as Annex I states it. */
public enum RiskBand {
    HIGH, LOW
}
