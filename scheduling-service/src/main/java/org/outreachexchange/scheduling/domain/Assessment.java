package org.outreachexchange.scheduling.domain;

public enum Assessment {
    SUFFICIENT,
    INSUFFICIENT,
    UNCERTAIN
}
