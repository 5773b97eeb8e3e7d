package org.outreachexchange.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one way requests are validated. Request records carry Bean Validation annotations for the shape of each field;
 * a service checks them when its order of checks says (after it found what the request is about and that the caller
 * may act on it), together with its domain rules that need several fields or state, and refuses with every broken
 * rule at once. Rule names are the shared kebab-case vocabulary.
 */
@ApplicationScoped
public class RequestValidator {

    private static final Set<String> REQUIRED = Set.of("NotNull", "NotBlank", "NotEmpty");
    private static final Set<String> RANGE = Set.of("Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero",
            "Negative", "NegativeOrZero", "Range", "Digits");

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    /** Refuses a missing body or one that breaks any annotated rule or any of {@code domainErrors}, all named at once. */
    public <T> T require(T request, List<FieldError> domainErrors) {
        if (request == null) {
            throw ProblemException.invalid("body", "required", "the request needs a JSON body");
        }
        List<FieldError> errors = new ArrayList<>(errors(validator.validate(request)));
        errors.addAll(domainErrors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
        }
        return request;
    }

    /** The annotated rules {@code request} breaks; empty for a null request (the caller decides what absent means). */
    public List<FieldError> check(Object request) {
        return request == null ? List.of() : errors(validator.validate(request));
    }

    static List<FieldError> errors(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> new FieldError(field(v), rule(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::rule)).toList();
    }

    /** The violated field as a JSON path; a resource method's parameter shows only as itself (a query parameter). */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                case PARAMETER -> {
                    parameter = node.getName();
                    continue;
                }
                default -> {
                }
            }
            if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null)) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(name);
            }
        }
        if (!path.isEmpty()) {
            return path.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    static String rule(ConstraintViolation<?> violation) {
        String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        if (REQUIRED.contains(annotation)) {
            return "required";
        }
        if (RANGE.contains(annotation)) {
            return "range";
        }
        if (annotation.equals("Length")) {
            return "size";
        }
        return annotation.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
