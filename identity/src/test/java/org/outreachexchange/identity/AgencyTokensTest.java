package org.outreachexchange.identity;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgencyTokensTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2008-06-24T00:53:00Z"), ZoneOffset.UTC);
    private final KeyPair japan = AgencyKeys.generate();
    private final KeyPair us = AgencyKeys.generate();
    private final Map<String, java.security.PublicKey> trusted = Map.of("JP", japan.getPublic(), "US", us.getPublic());

    @Test
    void verifiesATokenSignedWithItsGovernmentsKey() {
        String token = AgencyTokens.issue(japan.getPrivate(), "JP", "METI", "shishikura", Duration.ofHours(1), NOW);

        AgencyIdentity identity = AgencyTokens.verify(token, trusted, NOW);

        assertThat(identity.government()).isEqualTo("JP");
        assertThat(identity.agency()).isEqualTo("METI");
        assertThat(identity.subject()).isEqualTo("shishikura");
    }

    @Test
    void rejectsATokenClaimingAnotherGovernmentSignedWithOwnKey() {
        String forged = AgencyTokens.issue(japan.getPrivate(), "US", "DOC", null, Duration.ofHours(1), NOW);

        assertThatThrownBy(() -> AgencyTokens.verify(forged, trusted, NOW))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("signature does not verify");
    }

    @Test
    void rejectsAPayloadEditedAfterSigning() {
        String token = AgencyTokens.issue(japan.getPrivate(), "JP", "METI", null, Duration.ofHours(1), NOW);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"METI\"", "\"MOFA\"");
        String edited = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];

        assertThatThrownBy(() -> AgencyTokens.verify(edited, trusted, NOW)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void rejectsAnExpiredToken() {
        String token = AgencyTokens.issue(japan.getPrivate(), "JP", "METI", null, Duration.ofMinutes(5), NOW);
        Clock later = Clock.offset(NOW, Duration.ofHours(1));

        assertThatThrownBy(() -> AgencyTokens.verify(token, trusted, later)).hasMessageContaining("expired");
    }

    @Test
    void refusesAnExpiredTokenBeforeAnySignatureWork() {
        String token = AgencyTokens.issue(japan.getPrivate(), "JP", "METI", null, Duration.ofMinutes(5), NOW);
        String withBadSignature = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        Clock later = Clock.offset(NOW, Duration.ofHours(1));

        assertThatThrownBy(() -> AgencyTokens.verify(withBadSignature, trusted, later)).hasMessageContaining("expired");
    }

    @Test
    void refusesASignatureOfTheWrongLengthAndAnOversizedToken() {
        String token = AgencyTokens.issue(japan.getPrivate(), "JP", "METI", null, Duration.ofHours(1), NOW);

        assertThatThrownBy(() -> AgencyTokens.verify(token + "AAAA", trusted, NOW)).hasMessageContaining("signature does not verify");
        assertThatThrownBy(() -> AgencyTokens.verify(token + "x".repeat(AgencyTokens.MAX_TOKEN_LENGTH), trusted, NOW))
                .hasMessageContaining("longer than");
    }

    @Test
    void rejectsAGovernmentItDoesNotTrust() {
        KeyPair australia = AgencyKeys.generate();
        String token = AgencyTokens.issue(australia.getPrivate(), "AU", "DFAT", null, Duration.ofHours(1), NOW);

        assertThatThrownBy(() -> AgencyTokens.verify(token, trusted, NOW)).hasMessageContaining("unknown government 'AU'");
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> AgencyTokens.verify("not-a-token", trusted, NOW)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> AgencyTokens.verify("a.b.c", trusted, NOW)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void keysRoundTripThroughPemAndBase64() {
        assertThat(AgencyKeys.decodePublic(AgencyKeys.toPem(japan.getPublic()))).isEqualTo(japan.getPublic());
        assertThat(AgencyKeys.decodePublic(AgencyKeys.encodePublic(japan.getPublic()))).isEqualTo(japan.getPublic());
        assertThat(AgencyKeys.decodePrivate(AgencyKeys.toPem(japan.getPrivate()))).isEqualTo(japan.getPrivate());
    }

    @Test
    void rejectsATokenIssuedInTheFuture() {
        String token = AgencyTokens.issue(japan.getPrivate(), "JP", "METI", null, Duration.ofHours(1),
                Clock.offset(NOW, Duration.ofHours(2)));

        assertThatThrownBy(() -> AgencyTokens.verify(token, trusted, NOW)).hasMessageContaining("issued in the future");
    }

    @Test
    void rejectsATokenThatLivesLongerThanTheVerifierAccepts() {
        String token = AgencyTokens.issue(japan.getPrivate(), "JP", "METI", null, Duration.ofDays(365), NOW);

        assertThatThrownBy(() -> AgencyTokens.verify(token, trusted, NOW, Duration.ofHours(24)))
                .hasMessageContaining("lives longer than the 24 hours");
        assertThat(AgencyTokens.verify(token, trusted, NOW, Duration.ofDays(366)).agency()).isEqualTo("METI");
    }

    @Test
    void rejectsATokenThatNamesAnyAlgorithmButEdDsa() {
        String token = AgencyTokens.issue(japan.getPrivate(), "JP", "METI", null, Duration.ofHours(1), NOW);
        String[] parts = token.split("\\.");
        for (String alg : new String[]{"none", "HS256", "RS256"}) {
            String header = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"JP\"}").getBytes());
            String forged = header + "." + parts[1] + "." + (alg.equals("none") ? "" : parts[2]);

            assertThatThrownBy(() -> AgencyTokens.verify(forged, trusted, NOW)).hasMessageContaining("must be EdDSA");
        }
    }

    @Test
    void carriesTheAgencysRolesAndEveryAgencyReads() {
        String planner = AgencyTokens.issue(japan.getPrivate(), "JP", "METI", null, java.util.Set.of(Role.PLANNER),
                Duration.ofHours(1), NOW);
        String reader = AgencyTokens.issue(japan.getPrivate(), "JP", "Customs", null, Duration.ofHours(1), NOW);

        AgencyIdentity meti = AgencyTokens.verify(planner, trusted, NOW);
        AgencyIdentity customs = AgencyTokens.verify(reader, trusted, NOW);

        assertThat(meti.roles()).containsExactly(Role.PLANNER);
        assertThat(meti.has(Role.PLANNER)).isTrue();
        assertThat(meti.has(Role.READER)).isTrue();
        assertThat(meti.has(Role.EVALUATOR)).isFalse();
        assertThat(customs.roles()).isEmpty();
        assertThat(customs.has(Role.READER)).isTrue();
    }
}
