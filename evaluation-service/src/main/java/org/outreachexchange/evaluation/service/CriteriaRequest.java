package org.outreachexchange.evaluation.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.outreachexchange.evaluation.domain.Factor;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A proposed criteria version: a weight for every factor (summing to 1) and the threshold for High risk. Weights and
 * threshold have at most {@value Limits#SCORE_FRACTION_DIGITS} decimals, as risk scores are kept to that many.
 */
public record CriteriaRequest(
        @NotNull @Size(max = Limits.FACTORS) Map<Factor, @NotNull @DecimalMin("0") @DecimalMax("1")
                @Digits(integer = 1, fraction = Limits.SCORE_FRACTION_DIGITS) BigDecimal> weights,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
        @Digits(integer = 1, fraction = Limits.SCORE_FRACTION_DIGITS) BigDecimal highThreshold,
        @NotBlank @Size(max = Limits.TEXT) String rationale) {
}
