package org.outreachexchange.evaluation.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryEntryTest {

    @Test
    void anEntryRecordsTheVersionTheChangeGaveTheEvaluationWhyAndTheStateAfterIt() {
        AnnexI.Entry malaysia = AnnexI.ENTRIES.stream().filter(e -> e.country().equals("MY")).findFirst().orElseThrow();
        CountryState seed = new CountryState(malaysia.country(), malaysia.name(), malaysia.elements(), malaysia.factors(),
                null, null, null, 0, 0);
        Outcome outcome = Evaluator.reevaluate(List.of(seed), Map.of(), AnnexI.defaultCriteria(), true).get(0);
        Instant now = Instant.parse("2010-05-24T09:00:00Z");
        Instant effective = Instant.parse("2008-06-20T00:00:00Z");
        CountryEvaluation evaluation = new CountryEvaluation();
        evaluation.apply(outcome.after(), now);
        Origin origin = new Origin(OriginKind.SEED, AnnexI.SOURCE, null);

        HistoryEntry entry = HistoryEntry.of(evaluation, outcome, origin, "Starting evaluation", effective, now);

        assertThat(entry.country).isEqualTo("MY");
        assertThat(entry.evaluationVersion).isEqualTo(1);
        assertThat(entry.effectiveAt).isEqualTo(effective);
        assertThat(entry.recordedAt).isEqualTo(now);
        assertThat(entry.reason).isEqualTo("Starting evaluation");
        assertThat(entry.origin()).isEqualTo(origin);
        assertThat(entry.changes).containsExactlyInAnyOrder("CATEGORY", "RISK_BAND", "RISK_SCORE", "PRIORITY");
        assertThat(entry.state).isEqualTo(outcome.after());
    }
}
