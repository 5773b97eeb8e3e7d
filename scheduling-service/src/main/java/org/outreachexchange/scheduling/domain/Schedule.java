package org.outreachexchange.scheduling.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/** A month when only the month is known, or exact dates; {@link #periodStart()}..{@link #periodEnd()} is what it covers. */
public record Schedule(SchedulePrecision precision, YearMonth month, LocalDate start, LocalDate end) {

    public static Schedule ofMonth(YearMonth month) {
        return new Schedule(SchedulePrecision.MONTH, month, null, null);
    }

    public static Schedule ofDates(LocalDate start, LocalDate end) {
        return new Schedule(SchedulePrecision.DATES, null, start, end);
    }

    public LocalDate periodStart() {
        return precision == SchedulePrecision.MONTH ? month.atDay(1) : start;
    }

    public LocalDate periodEnd() {
        return precision == SchedulePrecision.MONTH ? month.atEndOfMonth() : end;
    }
}
