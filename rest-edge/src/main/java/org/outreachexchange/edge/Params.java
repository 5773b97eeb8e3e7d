package org.outreachexchange.edge;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Path and query parameters, parsed the same way in every service: a bad value is a 400 naming the parameter and its
 * rule; an absent optional one is empty; an id that is not even a UUID names nothing, so it is a 404 like any unknown id.
 */
public final class Params {

    private Params() {
    }

    public static UUID id(String what, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("no " + what + " " + value);
        }
    }

    /** A path segment that names something by a code (a country, a government): one that cannot exist is a 404. */
    public static String key(String what, String value, String pattern) {
        if (value == null || !value.matches(pattern)) {
            throw ProblemException.notFound("no " + what + " " + value);
        }
        return value;
    }

    /**
     * An ISO date in the years 1 to 9999: Java reads years up to ±999,999,999, which PostgreSQL cannot compare a date
     * column with, so such a date would fail the query instead of being refused here.
     */
    public static Optional<LocalDate> date(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "date", "must be an ISO date such as 2008-07-01");
        }
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw ProblemException.invalid(name, "range", "must be a date between 0001-01-01 and 9999-12-31");
        }
        return Optional.of(date);
    }

    public static LocalDate requiredDate(String name, String value) {
        return date(name, value).orElseThrow(() -> ProblemException.invalid(name, "required", "is required"));
    }

    /** A code such as a country (ISO 3166-1 alpha-2) or a government, matching {@code pattern}. */
    public static Optional<String> code(String name, String value, String pattern, String example) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!value.matches(pattern)) {
            throw ProblemException.invalid(name, "pattern", "must be a code such as " + example);
        }
        return Optional.of(value);
    }

    public static <E extends Enum<E>> Optional<E> enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "enum", "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Refuses a period whose {@code to} lies before its {@code from}. */
    public static void period(Optional<LocalDate> from, Optional<LocalDate> to) {
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ProblemException.invalid("to", "not-before-from", "must not be before from");
        }
    }

    /** Parses several parameters and refuses once, naming every bad one. */
    public static final class All {

        private final List<FieldError> errors = new ArrayList<>();

        public <T> Optional<T> take(Supplier<Optional<T>> parse) {
            try {
                return parse.get();
            } catch (ProblemException e) {
                if (e.status() != 400) {
                    throw e;
                }
                errors.addAll(e.errors());
                return Optional.empty();
            }
        }

        public void add(FieldError error) {
            errors.add(error);
        }

        public void requireNone() {
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        }
    }
}
