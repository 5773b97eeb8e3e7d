package org.outreachexchange.evaluation.service;

import java.util.List;

/** A request the service refuses, with what an RFC 9457 problem needs to say why. */
public class ProblemException extends RuntimeException {

    public record FieldError(String field, String rule, String message) {
    }

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "Invalid request", errors.size() == 1 ? errors.get(0).message()
                : errors.size() + " fields are invalid", errors);
    }

    public static ProblemException invalid(String field, String rule, String message) {
        return invalid(List.of(new FieldError(field, rule, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
