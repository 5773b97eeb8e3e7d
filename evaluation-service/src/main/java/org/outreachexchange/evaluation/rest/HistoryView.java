package org.outreachexchange.evaluation.rest;

import org.outreachexchange.evaluation.domain.HistoryEntry;
import org.outreachexchange.evaluation.domain.Origin;

import java.time.Instant;
import java.util.List;

/** One change to an evaluation: why, by whom, what changed, and the evaluation after it. */
public record HistoryView(int evaluationVersion, Instant effectiveAt, Instant recordedAt, String reason, Origin origin,
                          List<String> changes, EvaluationView evaluation) {

    static HistoryView of(HistoryEntry entry) {
        return new HistoryView(entry.evaluationVersion, entry.effectiveAt, entry.recordedAt, entry.reason, entry.origin(),
                entry.changes, EvaluationView.of(entry));
    }
}
