package org.outreachexchange.scheduling.domain;

/** Which element an activity works on, and what it aims for. */
public record Objective(Element element, String text) {
}
