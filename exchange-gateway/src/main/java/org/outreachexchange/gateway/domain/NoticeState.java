package org.outreachexchange.gateway.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where an activity's advance notice stands.
 *
 * @param noticedAt when the partners were first notified (the broker's append time of the first event)
 * @param deadline  notice from this instant on is late
 * @param missing   what the latest snapshot lacks; empty when the notice is complete
 */
public record NoticeState(Instant noticedAt, Instant deadline, List<Missing> missing, NoticeOutcome outcome,
                          int shortNoticeChanges) {

    public NoticeState {
        Objects.requireNonNull(noticedAt, "noticedAt");
        Objects.requireNonNull(deadline, "deadline");
        missing = List.copyOf(missing);
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean complete() {
        return missing.isEmpty();
    }

    public boolean pending() {
        return outcome == NoticeOutcome.PENDING;
    }

    public boolean pastDeadline(Instant at) {
        return !at.isBefore(deadline);
    }

    /** Its deadline passed while its notice still lacks dates, agenda or objectives. */
    public boolean incompletePastDeadline(Instant now) {
        return !complete() && pastDeadline(now);
    }

    NoticeState decided(NoticeOutcome decided) {
        return new NoticeState(noticedAt, deadline, missing, decided, shortNoticeChanges);
    }

    NoticeState withShortNoticeChange() {
        return new NoticeState(noticedAt, deadline, missing, outcome, shortNoticeChanges + 1);
    }

    /** A revision moves the deadline with the first day and says anew what is missing; the rest stays. */
    NoticeState revised(Instant newDeadline, List<Missing> nowMissing) {
        return new NoticeState(noticedAt, newDeadline, nowMissing, outcome, shortNoticeChanges);
    }
}
