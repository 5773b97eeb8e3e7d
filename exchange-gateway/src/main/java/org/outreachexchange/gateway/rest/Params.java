package org.outreachexchange.gateway.rest;

import org.outreachexchange.gateway.service.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/** Query and path parameters parsed here, so a bad value is a problem naming the parameter rather than a bare 404. */
final class Params {

    private Params() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "date", "must be an ISO date (YYYY-MM-DD)");
        }
    }

    static LocalDate requiredDate(String name, String value) {
        LocalDate date = date(name, value);
        if (date == null) {
            throw ProblemException.invalid(name, "required", "is required");
        }
        return date;
    }

    static String code(String name, String value, String pattern, String rule) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches(pattern)) {
            throw ProblemException.invalid(name, rule, "must match " + pattern);
        }
        return value;
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "enum", "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static void period(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "not-before-from", "must not be before from");
        }
    }

    /** An id that is not even a UUID names nothing: 404 like any unknown id. */
    static UUID id(String what, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no " + what + " " + value);
        }
    }
}
