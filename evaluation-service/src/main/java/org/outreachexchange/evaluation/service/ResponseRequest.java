package org.outreachexchange.evaluation.service;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A concurrence or objection.
 *
 * @param government optional; when given it must be the caller's own government
 */
public record ResponseRequest(
        @Pattern(regexp = "[A-Z]{2,3}", message = "must be a government code such as JP") String government,
        @Size(max = Limits.TEXT) String comment) {
}
