package org.outreachexchange.edge;

/**
 * One broken rule of one input field.
 *
 * @param field   where, as a JSON path such as {@code objectives[0].element}, a parameter name, or {@code body}
 * @param rule    which rule, in kebab-case: the shared vocabulary ({@code required}, {@code size}, {@code pattern},
 *                {@code range}, {@code enum}, {@code date}, {@code type}, {@code json}, {@code known-field},
 *                {@code unique}) or a service's own domain rule ({@code not-before-start}, {@code trusted-partner}...)
 * @param message what to do about it, for a person
 */
public record FieldError(String field, String rule, String message) {
}
