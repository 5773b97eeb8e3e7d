package org.outreachexchange.identity;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;

class EventSealsTest {

    private final KeyPair japan = AgencyKeys.generate();
    private final EventSeals.Content planned = new EventSeals.Content("e-1", "outreach.activity.planned",
            "/outreach/scheduling/JP", "a-1", "a-1", "{\"title\":\"Seminar\"}");

    @Test
    void aSealVerifiesAgainstTheSignersKeyForTheSameContentAndPlace() {
        EventSeals.Seal seal = EventSeals.seal(japan.getPrivate(), "JP", 1, EventSeals.GENESIS, planned.digest());

        assertThat(EventSeals.verifies(japan.getPublic(), seal, planned.digest())).isTrue();
    }

    @Test
    void aSealFailsForEditedContentAnotherPlaceAnotherChainOrAnotherKey() {
        EventSeals.Seal seal = EventSeals.seal(japan.getPrivate(), "JP", 1, EventSeals.GENESIS, planned.digest());
        EventSeals.Content edited = new EventSeals.Content("e-1", "outreach.activity.planned", "/outreach/scheduling/JP",
                "a-1", "a-1", "{\"title\":\"Seminar!\"}");

        assertThat(EventSeals.verifies(japan.getPublic(), seal, edited.digest())).isFalse();
        assertThat(EventSeals.verifies(japan.getPublic(),
                new EventSeals.Seal("JP", 2, seal.previous(), seal.signature()), planned.digest())).isFalse();
        assertThat(EventSeals.verifies(japan.getPublic(),
                new EventSeals.Seal("US", 1, seal.previous(), seal.signature()), planned.digest())).isFalse();
        assertThat(EventSeals.verifies(AgencyKeys.generate().getPublic(), seal, planned.digest())).isFalse();
    }

    @Test
    void contentsThatConcatenateAlikeHaveDifferentDigests() {
        EventSeals.Content a = new EventSeals.Content("ab", "c", "s", "x", "k", "d");
        EventSeals.Content b = new EventSeals.Content("a", "bc", "s", "x", "k", "d");

        assertThat(a.digest()).isNotEqualTo(b.digest());
    }
}
