package org.outreachexchange.scheduling.domain;

/** What an activity found about one recipient's element; the evaluation-service re-evaluates from it. */
public record Finding(String country, Element element, Assessment assessment, String evidence) {
}
