package org.outreachexchange.identity.partners;

import org.junit.jupiter.api.Test;
import org.outreachexchange.identity.AgencyKeys;
import org.outreachexchange.identity.AgencyTokens;
import org.outreachexchange.identity.InvalidTokenException;
import org.outreachexchange.identity.Role;
import org.outreachexchange.identity.TokenVerifier;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several token keys per government: kid = government and key id, a new key accepted before the old one retires. */
class KeyRingTest {

    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final KeyPair old = AgencyKeys.generate();
    private final KeyPair next = AgencyKeys.generate();
    private final PartnersDocument founding = FoundingPartners.document(
            g -> PartnerKey.of("2008a", g.equals("JP") ? old.getPublic() : AgencyKeys.generate().getPublic()),
            g -> PartnerKey.of("2008a", AgencyKeys.generate().getPublic()));

    @Test
    void acceptsTokensUnderTheOldAndTheNewKeyWhileBothAreListed() {
        PartnersDocument rotating = founding.addingKey("JP", KeyPurpose.TOKENS, PartnerKey.of("2026b", next.getPublic()));
        KeyRing ring = KeyRing.of(rotating, KeyPurpose.TOKENS);

        assertThat(AgencyTokens.verify(token(old, "2008a"), ring, clock, Duration.ofHours(24)).agency()).isEqualTo("METI");
        assertThat(AgencyTokens.verify(token(next, "2026b"), ring, clock, Duration.ofHours(24)).agency()).isEqualTo("METI");
    }

    @Test
    void refusesATokenUnderAKeyThatHasRetired() {
        KeyRing ring = KeyRing.of(founding.addingKey("JP", KeyPurpose.TOKENS, PartnerKey.of("2026b", next.getPublic()))
                .retiringKey("JP", KeyPurpose.TOKENS, "2008a", NOW.minusSeconds(1)), KeyPurpose.TOKENS);

        assertThatThrownBy(() -> AgencyTokens.verify(token(old, "2008a"), ring, clock, Duration.ofHours(24)))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("'JP:2008a' is not one of JP's accepted keys");
        assertThat(ring.find("JP:2008a", NOW.minusSeconds(2))).as("accepted until it retired").isPresent();
    }

    @Test
    void refusesAKeyIdOfOneGovernmentUsedWithAnothersClaim() {
        KeyRing ring = KeyRing.of(founding, KeyPurpose.TOKENS);
        String forged = AgencyTokens.issue(old.getPrivate(), "2008a", "US", "METI", null, Set.of(), Duration.ofHours(1), clock);

        assertThatThrownBy(() -> AgencyTokens.verify(forged, ring, clock, Duration.ofHours(24)))
                .hasMessageContaining("signature does not verify");
    }

    @Test
    void acceptsABareGovernmentKidOnlyWhileTheGovernmentHasOneKey() {
        String bare = AgencyTokens.issue(old.getPrivate(), "JP", "METI", null, Duration.ofHours(1), clock);

        assertThat(AgencyTokens.verify(bare, KeyRing.of(founding, KeyPurpose.TOKENS), clock, Duration.ofHours(24))
                .government()).isEqualTo("JP");
        KeyRing two = KeyRing.of(founding.addingKey("JP", KeyPurpose.TOKENS, PartnerKey.of("2026b", next.getPublic())),
                KeyPurpose.TOKENS);
        assertThatThrownBy(() -> AgencyTokens.verify(bare, two, clock, Duration.ofHours(24)))
                .hasMessageContaining("'JP' is not one of JP's accepted keys");
    }

    @Test
    void forgetsARememberedTokenOnceItsKeyLeavesTheDocument() {
        AtomicReference<KeyRing> current = new AtomicReference<>(KeyRing.of(founding.addingKey("JP", KeyPurpose.TOKENS,
                PartnerKey.of("2026b", next.getPublic())), KeyPurpose.TOKENS));
        TokenVerifier verifier = new TokenVerifier(current::get, clock, Duration.ofHours(24), 10);
        String token = token(old, "2008a");
        verifier.verify(token);

        current.set(KeyRing.of(founding.addingKey("JP", KeyPurpose.TOKENS, PartnerKey.of("2026b", next.getPublic()))
                .retiringKey("JP", KeyPurpose.TOKENS, "2008a", NOW), KeyPurpose.TOKENS));

        assertThatThrownBy(() -> verifier.verify(token)).hasMessageContaining("no longer one of JP's accepted keys");
        assertThat(verifier.verify(token(next, "2026b")).government()).isEqualTo("JP");
    }

    @Test
    void listsAGovernmentsAcceptedEventKeysAtAnEventsAppendTime() {
        KeyPair newEvents = AgencyKeys.generate();
        PartnersDocument rotated = founding.addingKey("JP", KeyPurpose.EVENTS, PartnerKey.of("2026b", newEvents.getPublic()))
                .retiringKey("JP", KeyPurpose.EVENTS, "2008a", NOW);
        KeyRing events = KeyRing.of(rotated, KeyPurpose.EVENTS);

        assertThat(events.accepted("JP", NOW.minusSeconds(60))).hasSize(2);
        assertThat(events.accepted("JP", NOW)).containsExactly(newEvents.getPublic());
        assertThat(events.all("JP")).hasSize(2);
        assertThat(events.accepted("KR", NOW)).isEmpty();
    }

    private String token(KeyPair key, String keyId) {
        return AgencyTokens.issue(key.getPrivate(), keyId, "JP", "METI", null, Set.of(Role.PLANNER), Duration.ofHours(1), clock);
    }
}
