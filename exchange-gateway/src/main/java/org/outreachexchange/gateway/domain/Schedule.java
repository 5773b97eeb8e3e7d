package org.outreachexchange.gateway.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/** When an activity takes place as its organizer gave it: exact dates ({@code DATES}) or only the month ({@code MONTH}). */
public record Schedule(String precision, YearMonth month, LocalDate start, LocalDate end) {

    public boolean exactDates() {
        return "DATES".equals(precision) && start != null && end != null;
    }
}
