package org.outreachexchange.gateway.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The advance-notice rule in calendar days: notice given on day D for an activity whose first day is D + period is in
 * time. So the notice is late from the start of the day after {@code firstDay - period}, in the zone that defines days.
 */
public final class NoticeDeadline {

    private NoticeDeadline() {
    }

    public static Instant of(LocalDate firstDay, int periodDays, ZoneId zone) {
        return firstDay.minusDays(periodDays).plusDays(1).atStartOfDay(zone).toInstant();
    }
}
