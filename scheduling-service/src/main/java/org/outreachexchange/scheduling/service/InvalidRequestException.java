package org.outreachexchange.scheduling.service;

import java.util.List;

/** 400: the request breaks one or more rules; nothing was changed. */
public class InvalidRequestException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super(violations.size() == 1 ? violations.get(0).message() : violations.size() + " fields break their rules");
        this.violations = List.copyOf(violations);
    }

    public static InvalidRequestException of(String field, String rule, String message) {
        return new InvalidRequestException(List.of(new Violation(field, rule, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
