package org.outreachexchange.gateway.domain;

/** How a subscription receives it. */
public enum DeliveryChannel {
    WEBHOOK, SSE, ICAL
}
