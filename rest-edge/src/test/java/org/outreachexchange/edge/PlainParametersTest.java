package org.outreachexchange.edge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainParametersTest {

    @Test
    void controlCharactersAreThoseBelowSpaceAndDelete() {
        assertThat(PlainParameters.hasControlCharacters("2008-07-01")).isFalse();
        assertThat(PlainParameters.hasControlCharacters("Côte d’Ivoire")).isFalse();
        assertThat(PlainParameters.hasControlCharacters(null)).isFalse();
        assertThat(PlainParameters.hasControlCharacters("TH\u0000")).isTrue();
        assertThat(PlainParameters.hasControlCharacters("a\tb")).isTrue();
        assertThat(PlainParameters.hasControlCharacters("\u007f")).isTrue();
    }
}
