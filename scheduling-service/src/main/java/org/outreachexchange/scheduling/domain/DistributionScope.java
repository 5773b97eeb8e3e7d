package org.outreachexchange.scheduling.domain;

public enum DistributionScope {
    ALL_PARTNERS,
    NAMED_PARTNERS
}
