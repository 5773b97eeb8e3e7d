package org.outreachexchange.evaluation.rest;

import org.outreachexchange.edge.Params;
import org.outreachexchange.edge.ProblemException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Dates in query parameters, read with the shared {@link Params} and bounded to years 1900 to 9999: ISO dates may carry
 * years of up to nine digits, which the database cannot store and a day's end cannot be computed for.
 */
final class QueryDates {

    static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    private QueryDates() {
    }

    static Optional<LocalDate> date(String name, String value) {
        return Params.date(name, value).map(date -> bounded(name, date));
    }

    static LocalDate requiredDate(String name, String value) {
        return bounded(name, Params.requiredDate(name, value));
    }

    private static LocalDate bounded(String name, LocalDate date) {
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw ProblemException.invalid(name, "range", "must lie between " + FIRST + " and " + LAST);
        }
        return date;
    }
}
