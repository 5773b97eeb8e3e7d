package org.outreachexchange.evaluation.domain;

/** The source document's elements of potential risk of diversion, each scored 0..1 per country. */
public enum Factor {
    TECHNOLOGY_LEVEL, TRADE_VOLUME, GEOGRAPHIC_LOCATION, TIES_TO_COUNTRIES_OF_CONCERN
}
