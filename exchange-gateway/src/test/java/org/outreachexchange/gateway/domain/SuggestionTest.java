package org.outreachexchange.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuggestionTest {

    private static final Instant NOW = Instant.parse("2008-06-24T09:00:00Z");

    @Test
    void aSuggestionIsAnsweredOnceAndKeepsItsFirstAnswer() {
        Suggestion suggestion = Suggestion.of(UUID.randomUUID(), "US", "DOC", SuggestionKind.AGENDA_ITEM,
                "Catch-all controls", null, null, NOW);
        assertThat(suggestion.open()).isTrue();

        suggestion.answer(true, "METI", "Added", NOW.plusSeconds(60));

        assertThat(suggestion.status).isEqualTo(SuggestionStatus.ACCEPTED);
        assertThat(suggestion.answeredBy).isEqualTo("METI");
        assertThatThrownBy(() -> suggestion.answer(false, "METI", null, NOW.plusSeconds(120)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(suggestion.status).isEqualTo(SuggestionStatus.ACCEPTED);
    }

    @Test
    void onlyAnObjectiveKeepsTheElementItServes() {
        assertThat(Suggestion.of(UUID.randomUUID(), "US", "DOC", SuggestionKind.AGENDA_ITEM, "ICP", "ENFORCEMENT", null, NOW).element)
                .isNull();
        assertThat(Suggestion.of(UUID.randomUUID(), "US", "DOC", SuggestionKind.OBJECTIVE, "ICP", "ENFORCEMENT", null, NOW).element)
                .isEqualTo("ENFORCEMENT");
    }
}
