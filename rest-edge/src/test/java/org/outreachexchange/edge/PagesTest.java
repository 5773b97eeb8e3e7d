package org.outreachexchange.edge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagesTest {

    @Test
    void aCursorGivesBackItsParts() {
        String cursor = Pages.cursor("2008-03-01", "b7c9");

        assertThat(Pages.after(cursor, 2)).contains(List.of("2008-03-01", "b7c9"));
        assertThat(Pages.after(null, 2)).isEmpty();
    }

    @Test
    void aCursorThatIsNotOursOrALimitOutOfRangeIsABadRequestNamingIt() {
        assertThatThrownBy(() -> Pages.after("yesterday!", 2)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field, FieldError::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("after", "cursor")));
        assertThatThrownBy(() -> Pages.after(Pages.cursor("one"), 2)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Pages.limit("0")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Pages.limit("5000")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Pages.limit("ten")).isInstanceOf(ProblemException.class);
        assertThat(Pages.limit(null)).isEqualTo(Pages.DEFAULT_LIMIT);
        assertThat(Pages.limit("25")).isEqualTo(25);
    }
}
