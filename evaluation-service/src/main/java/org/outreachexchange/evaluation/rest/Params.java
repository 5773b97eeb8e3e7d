package org.outreachexchange.evaluation.rest;

import org.outreachexchange.evaluation.service.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** Parses path and query parameters here, so a bad one gets a 400 naming it instead of JAX-RS's bare 404. */
final class Params {

    private Params() {
    }

    static String country(String value) {
        if (value == null || !value.matches("[A-Z]{2}")) {
            throw ProblemException.invalid("country", "pattern", "a country is an ISO 3166-1 alpha-2 code such as MY");
        }
        return value;
    }

    static <E extends Enum<E>> Optional<E> optionalEnum(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "enum", field + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Optional<LocalDate> optionalDate(String value, String field) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "date", field + " must be a date such as 2008-07-01");
        }
    }

    static LocalDate date(String value, String field) {
        return optionalDate(value, field).orElseThrow(() -> ProblemException.invalid(field, "required", field + " is required"));
    }

    static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "uuid", "a proposal id is a UUID");
        }
    }
}
