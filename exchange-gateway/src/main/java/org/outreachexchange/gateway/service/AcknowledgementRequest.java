package org.outreachexchange.gateway.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.outreachexchange.gateway.domain.Verdict;

/** A partner's answer to a notice; CONCERN needs a comment. */
public record AcknowledgementRequest(@NotNull Verdict verdict, @Size(max = 4000) String comment) {
}
