package org.outreachexchange.gateway.rest;

import org.junit.jupiter.api.Test;
import org.outreachexchange.edge.Pages;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.domain.Keyset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorsTest {

    @Test
    void readsBackEveryPositionItWrote() {
        Keyset.ByTime byTime = new Keyset.ByTime(Instant.parse("2008-06-24T01:02:03.456789Z"), UUID.randomUUID());
        Keyset.ByDate byDate = new Keyset.ByDate(LocalDate.parse("2008-07-24"), UUID.randomUUID());
        assertThat(Cursors.byTime(Cursors.of(byTime))).contains(byTime);
        assertThat(Cursors.byDate(Cursors.of(byDate))).contains(byDate);
        assertThat(Cursors.number(Cursors.of(42L))).contains(42L);
        assertThat(Cursors.byTime(null)).isEmpty();
    }

    @Test
    void refusesACursorWithTheRightShapeThatNamesNoPositionNamingAfter() {
        for (String cursor : new String[]{Pages.cursor("yesterday", UUID.randomUUID().toString()), Pages.cursor("2008-07-24", "x"),
                Pages.cursor("\u0000"), "%%%"}) {
            assertThatThrownBy(() -> {
                Cursors.byDate(cursor);
                Cursors.number(cursor);
            }).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.errors().get(0).field()).isEqualTo("after");
                assertThat(e.errors().get(0).rule()).isEqualTo("cursor");
            });
        }
    }
}
