package org.outreachexchange.evaluation.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One version of a partner's activity as its organizer's event states it, as far as coverage needs it.
 *
 * @param type        the activity type as written: a {@link Tool}, or a newer type this build does not know
 * @param status      the event's status (PROPOSED, PLANNED, COMPLETED, CANCELLED)
 * @param periodStart the first day the activity may take place
 * @param periodEnd   the last day
 */
public record ActivityRevision(UUID activityId, int version, String organizer, String type, String status, String title,
                               List<String> recipients, LocalDate periodStart, LocalDate periodEnd,
                               DistributionScope distributionScope, List<String> distributionGovernments) {
}
