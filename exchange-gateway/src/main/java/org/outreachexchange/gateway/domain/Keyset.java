package org.outreachexchange.gateway.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Positions in a list's own order, from which the next page reads on ({@code WHERE (key, id) > position}). A position
 * names the last item a page held, so items added elsewhere in the list never shift later pages.
 */
public final class Keyset {

    private Keyset() {
    }

    /** Lists ordered by a creation time, then id (subscriptions, advisories). */
    public record ByTime(Instant at, UUID id) {
    }

    /** Lists ordered by a date, then id (schedule, compliance, calendar); a missing date sorts last. */
    public record ByDate(LocalDate date, UUID id) {
        /** Before every activity: the first page. */
        public static final ByDate START = new ByDate(LocalDate.of(1, 1, 1), new UUID(0, 0));
        /** Where activities without a date sort. */
        public static final LocalDate UNDATED = LocalDate.of(9999, 12, 31);

        /** Before every activity starting on {@code day} or later. */
        public static ByDate before(LocalDate day) {
            return new ByDate(day.minusDays(1), new UUID(-1L, -1L));
        }

        public static ByDate of(Activity activity) {
            return new ByDate(activity.startDate == null ? UNDATED : activity.startDate, activity.id);
        }
    }
}
