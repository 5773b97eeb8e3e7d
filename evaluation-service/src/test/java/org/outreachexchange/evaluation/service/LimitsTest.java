package org.outreachexchange.evaluation.service;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.edge.RequestValidator;
import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.Factor;
import org.outreachexchange.evaluation.domain.Sufficiency;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The bounds on request fields: every decimal in range with at most four decimals, every text and map bounded. */
class LimitsTest {

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private final RequestValidator validator = new RequestValidator(FACTORY.getValidator());

    private static Map<Factor, BigDecimal> weights(String technology) {
        return Map.of(Factor.TECHNOLOGY_LEVEL, new BigDecimal(technology), Factor.TRADE_VOLUME, new BigDecimal("0.25"),
                Factor.GEOGRAPHIC_LOCATION, new BigDecimal("0.2"), Factor.TIES_TO_COUNTRIES_OF_CONCERN, new BigDecimal("0.3"));
    }

    @Test
    void theMapBoundsMatchTheEnumsTheyAreKeyedBy() {
        assertThat(Limits.FACTORS).isEqualTo(Factor.values().length);
        assertThat(Limits.ELEMENTS).isEqualTo(Element.values().length);
    }

    @Test
    void weightsAndThresholdsLieInRangeWithAtMostFourDecimals() {
        assertThat(validator.check(new CriteriaRequest(weights("0.25"), new BigDecimal("0.6"), "ok"))).isEmpty();
        assertThat(validator.check(new CriteriaRequest(weights("0.2500"), new BigDecimal("1"), "ok"))).isEmpty();
        assertThat(validator.check(new CriteriaRequest(weights("0.25001"), new BigDecimal("0.6"), "ok")))
                .extracting(FieldError::field, FieldError::rule).containsExactly(tuple("weights[TECHNOLOGY_LEVEL]", "range"));
        assertThat(validator.check(new CriteriaRequest(weights("-0.25"), new BigDecimal("0"), "ok")))
                .extracting(FieldError::field, FieldError::rule)
                .containsExactly(tuple("highThreshold", "range"), tuple("weights[TECHNOLOGY_LEVEL]", "range"));
        assertThat(validator.check(new CriteriaRequest(weights("0.25"), new BigDecimal("1.00001"), "x".repeat(Limits.TEXT + 1))))
                .extracting(FieldError::field).containsExactly("highThreshold", "highThreshold", "rationale");
    }

    @Test
    void factorScoresLieInRangeWithAtMostFourDecimalsAndTextsAreBounded() {
        ProposalRequest fine = new ProposalRequest(null, "MY", "r", Map.of(Element.INTENTION,
                new ProposalRequest.ElementChange(Sufficiency.SUFFICIENT, "e")),
                Map.of(Factor.TRADE_VOLUME, new BigDecimal("0.1234")));
        assertThat(validator.check(fine)).isEmpty();
        ProposalRequest broken = new ProposalRequest(null, "MY", "r", Map.of(Element.INTENTION,
                new ProposalRequest.ElementChange(Sufficiency.SUFFICIENT, "e".repeat(Limits.TEXT + 1))),
                Map.of(Factor.TRADE_VOLUME, new BigDecimal("0.12345"), Factor.TECHNOLOGY_LEVEL, new BigDecimal("2")));
        assertThat(validator.check(broken)).extracting(FieldError::rule).containsExactly("size", "range", "range");
        assertThat(validator.check(broken)).extracting(FieldError::field)
                .endsWith("factors[TECHNOLOGY_LEVEL]", "factors[TRADE_VOLUME]").first().asString().startsWith("elements");
        assertThat(validator.check(new ResponseRequest(null, "c".repeat(Limits.TEXT + 1))))
                .extracting(FieldError::field, FieldError::rule).containsExactly(tuple("comment", "size"));
    }
}
