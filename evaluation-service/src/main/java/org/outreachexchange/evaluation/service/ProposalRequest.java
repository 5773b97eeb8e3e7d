package org.outreachexchange.evaluation.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.Factor;
import org.outreachexchange.evaluation.domain.Sufficiency;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A partner's proposed change to one country's evaluation.
 *
 * @param government optional; when given it must be the caller's own government
 */
public record ProposalRequest(
        @Pattern(regexp = "[A-Z]{2,3}", message = "must be a government code such as JP") String government,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
        @NotBlank @Size(max = Limits.TEXT) String rationale,
        @Size(max = Limits.ELEMENTS) Map<Element, @Valid @NotNull ElementChange> elements,
        @Size(max = Limits.FACTORS) Map<Factor, @NotNull @DecimalMin("0") @DecimalMax("1")
                @Digits(integer = 1, fraction = Limits.SCORE_FRACTION_DIGITS) BigDecimal> factors) {

    public record ElementChange(@NotNull Sufficiency assessment, @NotBlank @Size(max = Limits.TEXT) String evidence) {
    }
}
