package org.outreachexchange.evaluation.domain;

import java.time.LocalDate;
import java.util.UUID;

/** The completed activity whose findings a FINDINGS proposal carries. */
public record CompletedActivity(UUID id, String type, String title, LocalDate completedOn, Audience audience) {
}
