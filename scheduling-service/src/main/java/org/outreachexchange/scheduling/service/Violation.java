package org.outreachexchange.scheduling.service;

/** One broken rule: the field (JSON path, e.g. {@code schedule.end}), the rule's name and a readable message. */
public record Violation(String field, String rule, String message) {
}
