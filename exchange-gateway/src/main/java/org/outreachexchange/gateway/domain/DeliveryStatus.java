package org.outreachexchange.gateway.domain;

/** A webhook delivery's state; DEAD deliveries are the dead letters that can be replayed. */
public enum DeliveryStatus {
    PENDING, DELIVERED, DEAD
}
