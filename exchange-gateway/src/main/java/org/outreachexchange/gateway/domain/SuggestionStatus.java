package org.outreachexchange.gateway.domain;

/** A suggestion waits for the organizer's government, which accepts or declines it once. */
public enum SuggestionStatus {
    OPEN, ACCEPTED, DECLINED
}
