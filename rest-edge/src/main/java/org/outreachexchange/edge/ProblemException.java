package org.outreachexchange.edge;

import java.util.List;

/**
 * A refusal the service can explain. {@link ProblemMapper} turns it into an RFC 9457 problem whose title is the
 * status's standard reason phrase, with the field errors for a 400.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final List<FieldError> errors;

    public ProblemException(int status, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException of(int status, String detail) {
        return new ProblemException(status, detail, List.of());
    }

    /** 400 for one field. */
    public static ProblemException invalid(String field, String rule, String message) {
        return invalid(List.of(new FieldError(field, rule, message)));
    }

    /** 400 naming every broken rule at once. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : "the request breaks " + errors.size() + " rules";
        return new ProblemException(400, detail, errors);
    }

    public static ProblemException notFound(String detail) {
        return of(404, detail);
    }

    public static ProblemException conflict(String detail) {
        return of(409, detail);
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
