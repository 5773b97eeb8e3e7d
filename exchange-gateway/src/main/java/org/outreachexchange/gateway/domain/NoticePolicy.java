package org.outreachexchange.gateway.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The advance-notice policy: schedule, agenda and objectives are due a set number of calendar days before an activity
 * ({@link NoticeDeadline}). From what the gateway holds of an activity, a new snapshot and the time the partners were
 * notified of it, it decides the activity's notice state and which notices to raise. It reads and writes nothing.
 * <ul>
 *     <li>compliant: complete (exact dates, agenda, objectives) before the deadline;</li>
 *     <li>late: first notice at or after the deadline;</li>
 *     <li>incomplete: something still missing when the deadline passes;</li>
 *     <li>short-notice change: schedule, agenda or objectives changed after the deadline (counted).</li>
 * </ul>
 * Cancelled and completed activities raise nothing.
 */
public final class NoticePolicy {

    private final ToIntFunction<String> periodDays;
    private final ZoneId dayZone;

    /**
     * @param periodDays the notice period of each activity type (as written in its event), in calendar days
     * @param dayZone    the zone whose calendar days are counted
     */
    public NoticePolicy(ToIntFunction<String> periodDays, ZoneId dayZone) {
        this.periodDays = periodDays;
        this.dayZone = dayZone;
    }

    public Instant deadline(ActivitySnapshot snapshot) {
        return NoticeDeadline.of(snapshot.firstDay(), periodDays.applyAsInt(snapshot.type()), dayZone);
    }

    /** The first the partners hear of an activity, at {@code noticedAt}. */
    public NoticeDecision firstNotice(ActivitySnapshot snapshot, Instant noticedAt) {
        NoticeState pending = new NoticeState(noticedAt, deadline(snapshot), snapshot.missing(), NoticeOutcome.PENDING, 0);
        if (snapshot.status().concluded()) {
            return NoticeDecision.quiet(pending);
        }
        if (pending.pastDeadline(noticedAt)) {
            return new NoticeDecision(pending.decided(NoticeOutcome.LATE),
                    List.of(new NoticeDecision.Raise(NoticeKind.LATE, pending.missing(), List.of())));
        }
        if (pending.complete()) {
            return new NoticeDecision(pending.decided(NoticeOutcome.COMPLIANT),
                    List.of(new NoticeDecision.Raise(NoticeKind.COMPLIANT, List.of(), List.of())));
        }
        return NoticeDecision.quiet(pending);
    }

    /**
     * A newer snapshot {@code next} replaces {@code previous}, noticed at {@code at}. Whether it came after the deadline
     * is judged by the deadline the partners were working to, the held one.
     */
    public NoticeDecision revision(NoticeState held, ActivitySnapshot previous, ActivitySnapshot next, Instant at) {
        NoticeState state = held.revised(deadline(next), next.missing());
        if (next.status().concluded()) {
            return NoticeDecision.quiet(state);
        }
        List<NoticeDecision.Raise> raised = new ArrayList<>();
        boolean afterDeadline = held.pastDeadline(at);
        if (state.pending() && afterDeadline) {
            // Pending past the deadline means it was incomplete when the deadline passed and the job had not run yet.
            state = state.decided(NoticeOutcome.INCOMPLETE);
            raised.add(new NoticeDecision.Raise(NoticeKind.INCOMPLETE, held.missing(), List.of()));
        }
        List<String> changed = next.changesFrom(previous);
        if (afterDeadline && !changed.isEmpty()) {
            state = state.withShortNoticeChange();
            raised.add(new NoticeDecision.Raise(NoticeKind.SHORT_NOTICE_CHANGE, state.missing(), changed));
        } else if (state.pending() && state.complete()) {
            boolean inTime = !state.pastDeadline(at);
            state = state.decided(inTime ? NoticeOutcome.COMPLIANT : NoticeOutcome.LATE);
            raised.add(new NoticeDecision.Raise(inTime ? NoticeKind.COMPLIANT : NoticeKind.LATE, List.of(), List.of()));
        }
        return new NoticeDecision(state, raised);
    }

    /** No new event came: at {@code now}, has the deadline of a still incomplete notice passed? */
    public Optional<NoticeDecision> deadlinePassed(NoticeState held, ActivityStatus status, Instant now) {
        if (!held.pending() || status.concluded() || !held.incompletePastDeadline(now)) {
            return Optional.empty();
        }
        return Optional.of(new NoticeDecision(held.decided(NoticeOutcome.INCOMPLETE),
                List.of(new NoticeDecision.Raise(NoticeKind.INCOMPLETE, held.missing(), List.of()))));
    }
}
