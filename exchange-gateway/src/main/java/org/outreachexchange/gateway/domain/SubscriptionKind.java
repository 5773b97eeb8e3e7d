package org.outreachexchange.gateway.domain;

/**
 * What a subscription receives: partners' activities, re-evaluations, notices about its government's own activities,
 * or proposals to change the shared evaluation (opened, adopted, dropped).
 */
public enum SubscriptionKind {
    SCHEDULES, REEVALUATIONS, NOTICES, PROPOSALS
}
