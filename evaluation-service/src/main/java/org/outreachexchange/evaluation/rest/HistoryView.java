package org.outreachexchange.evaluation.rest;

import org.outreachexchange.evaluation.domain.HistoryEntry;
import org.outreachexchange.evaluation.domain.RoleSharingTable;
import org.outreachexchange.evaluation.domain.Origin;

import java.time.Instant;
import java.util.List;

/**
 * One change to an evaluation: why, by whom, what changed, and the evaluation after it (evidence redacted for a
 * caller not entitled to it). The reason never holds restricted detail; a proposal-driven change names the proposal
 * in {@code origin.reference}.
 */
public record HistoryView(int evaluationVersion, Instant effectiveAt, Instant recordedAt, String reason, Origin origin,
                          List<String> changes, EvaluationView evaluation) {

    static HistoryView of(HistoryEntry entry, String viewer, RoleSharingTable roles) {
        return new HistoryView(entry.evaluationVersion, entry.effectiveAt, entry.recordedAt, entry.reason, entry.origin(),
                entry.changes, EvaluationView.of(entry, viewer, roles));
    }
}
