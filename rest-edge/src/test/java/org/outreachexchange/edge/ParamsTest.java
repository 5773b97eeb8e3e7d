package org.outreachexchange.edge;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ParamsTest {

    @Test
    void anIdThatIsNotAUuidNamesNothingSoItIsNotFound() {
        assertThatThrownBy(() -> Params.id("activity", "42")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aBadDateIsABadRequestNamingTheParameterAndTheRule() {
        assertThatThrownBy(() -> Params.date("from", "2008-13-01")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors()).containsExactly(new FieldError("from", "date", "must be an ISO date such as 2008-07-01"));
        });
        assertThat(Params.date("from", " ")).isEmpty();
        assertThat(Params.requiredDate("at", "2008-06-24")).isEqualTo(LocalDate.parse("2008-06-24"));
    }

    @Test
    void aDateOutsideTheYearsADatabaseCanCompareIsOutOfRange() {
        for (String date : new String[]{"-999999999-01-01", "+999999999-12-31", "0000-12-31", "+10000-01-01"}) {
            assertThatThrownBy(() -> Params.date("to", date)).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.errors()).extracting(FieldError::field, FieldError::rule).containsExactly(tuple("to", "range"));
            });
        }
        assertThat(Params.date("from", "0001-01-01")).contains(LocalDate.parse("0001-01-01"));
        assertThat(Params.date("to", "9999-12-31")).contains(LocalDate.parse("9999-12-31"));
    }

    @Test
    void codesEnumsAndPeriodsUseTheSharedRuleNames() {
        assertThatThrownBy(() -> Params.code("country", "my", "[A-Z]{2}", "MY")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors().get(0).rule()).isEqualTo("pattern"));
        assertThatThrownBy(() -> Params.enumValue("scope", "SOME", Thread.State.class)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors().get(0).rule()).isEqualTo("enum"));
        assertThatThrownBy(() -> Params.period(Optional.of(LocalDate.parse("2008-07-01")), Optional.of(LocalDate.parse("2008-06-01"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().get(0).rule()).isEqualTo("not-before-from"));
    }
}
