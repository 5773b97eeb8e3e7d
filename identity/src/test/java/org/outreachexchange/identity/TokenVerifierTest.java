package org.outreachexchange.identity;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenVerifierTest {

    private static final Instant START = Instant.parse("2008-06-24T00:53:00Z");
    private final KeyPair japan = AgencyKeys.generate();
    private final MovableClock clock = new MovableClock();
    private final TokenVerifier verifier = new TokenVerifier(Map.of("JP", japan.getPublic()), clock, Duration.ofHours(24), 2);

    @Test
    void acceptsARepeatedTokenAsTheSameAgency() {
        String token = AgencyTokens.issue(japan.getPrivate(), "JP", "METI", "shishikura", Duration.ofHours(1), clock);

        AgencyIdentity first = verifier.verify(token);
        AgencyIdentity again = verifier.verify(token);

        assertThat(again).isEqualTo(first);
        assertThat(again.agency()).isEqualTo("METI");
    }

    @Test
    void rejectsARememberedTokenOnceItHasExpired() {
        String token = AgencyTokens.issue(japan.getPrivate(), "JP", "METI", null, Duration.ofMinutes(5), clock);
        verifier.verify(token);

        clock.now = START.plus(Duration.ofHours(1));

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class).hasMessageContaining("expired");
    }

    @Test
    void rejectsAnAlteredCopyOfARememberedToken() {
        String token = AgencyTokens.issue(japan.getPrivate(), "JP", "METI", null, Duration.ofHours(1), clock);
        verifier.verify(token);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"METI\"", "\"MOFA\"");
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];

        assertThatThrownBy(() -> verifier.verify(altered)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("signature does not verify");
    }

    @Test
    void keepsVerifyingCorrectlyPastItsCapacity() {
        for (String agency : new String[]{"METI", "MOFA", "CISTEC", "METI"}) {
            String token = AgencyTokens.issue(japan.getPrivate(), "JP", agency, null, Duration.ofHours(1), clock);
            assertThat(verifier.verify(token).agency()).isEqualTo(agency);
        }
    }

    private static final class MovableClock extends Clock {
        volatile Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
