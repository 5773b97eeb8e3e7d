package org.outreachexchange.scheduling.domain;

import java.time.LocalDate;
import java.util.List;

/** What a completed activity reports to the partners. */
public record Results(String summary, List<String> participants, LocalDate completedOn, List<Finding> findings) {
}
