package org.outreachexchange.gateway.service;

/** Fired when an effect queues webhook deliveries; observed after commit to wake the delivery worker. */
public record DeliveriesQueued() {
}
