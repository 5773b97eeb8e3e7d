package org.outreachexchange.scheduling.messaging;

/** The kinds of change an activity event reports, with their CloudEvent types. */
public enum ActivityChange {
    PLANNED("outreach.activity.planned"),
    REVISED("outreach.activity.revised"),
    COMPLETED("outreach.activity.completed"),
    CANCELLED("outreach.activity.cancelled");

    private final String cloudEventType;

    ActivityChange(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }
}
