package org.outreachexchange.gateway.domain;

/** One objective of an activity: the element of export control it serves and what it aims at. */
public record Objective(String element, String text) {
}
