package org.outreachexchange.gateway.domain;

/** How a subscription receives it. */
public enum DeliveryChannel {
    WEBHOOK("Signed POSTs (Standard Webhooks) to the subscription's url, retried with backoff", true),
    SSE("A Server-Sent Events stream at the subscription's eventsUrl, resumable with Last-Event-ID", false),
    ICAL("An RFC 5545 calendar at the subscription's secret feedUrl", false);

    private final String description;
    private final boolean needsUrl;

    DeliveryChannel(String description, boolean needsUrl) {
        this.description = description;
        this.needsUrl = needsUrl;
    }

    public String description() {
        return description;
    }

    /** Whether the subscription must name the URL it is delivered to (and only then may). */
    public boolean needsUrl() {
        return needsUrl;
    }

    /** A calendar holds activities only, so iCalendar feeds carry schedules and nothing else. */
    public boolean carries(SubscriptionKind kind) {
        return this != ICAL || kind == SubscriptionKind.SCHEDULES;
    }
}
