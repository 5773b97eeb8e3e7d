package org.outreachexchange.evaluation.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.outreachexchange.evaluation.domain.Factor;

import java.math.BigDecimal;
import java.util.Map;

/** A proposed criteria version: a weight for every factor (summing to 1) and the threshold for High risk. */
public record CriteriaRequest(@NotNull Map<Factor, BigDecimal> weights, @NotNull BigDecimal highThreshold,
                              @NotBlank @Size(max = 4000) String rationale) {
}
