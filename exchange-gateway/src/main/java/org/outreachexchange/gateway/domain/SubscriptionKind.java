package org.outreachexchange.gateway.domain;

/** What a subscription receives. */
public enum SubscriptionKind {
    SCHEDULES, REEVALUATIONS, NOTICES
}
