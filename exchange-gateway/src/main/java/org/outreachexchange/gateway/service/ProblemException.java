package org.outreachexchange.gateway.service;

import java.util.List;

/** A refusal the service can explain: becomes an RFC 9457 problem with the given status and field errors. */
public class ProblemException extends RuntimeException {

    /** One violated rule of one input field. */
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

    public static ProblemException invalid(String field, String rule, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message, List.of(new FieldError(field, rule, message)));
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
