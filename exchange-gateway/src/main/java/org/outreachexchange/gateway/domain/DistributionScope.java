package org.outreachexchange.gateway.domain;

/** Who an activity is shared with. */
public enum DistributionScope {
    ALL_PARTNERS, NAMED_PARTNERS
}
