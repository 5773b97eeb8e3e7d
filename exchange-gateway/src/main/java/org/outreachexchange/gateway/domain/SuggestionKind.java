package org.outreachexchange.gateway.domain;

/** What a partner suggests adding to an activity: an agenda item or an objective. */
public enum SuggestionKind {
    AGENDA_ITEM, OBJECTIVE
}
