package org.outreachexchange.gateway.domain;

/** What a complete advance notice has and an incomplete one lacks. */
public enum Missing {
    DATES, AGENDA, OBJECTIVES
}
