package org.outreachexchange.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.outreachexchange.identity.partners.FoundingPartners;
import org.outreachexchange.identity.partners.KeyPurpose;
import org.outreachexchange.identity.partners.KeyRing;
import org.outreachexchange.identity.partners.Partner;
import org.outreachexchange.identity.partners.PartnerKey;
import org.outreachexchange.identity.partners.PartnersDocument;
import org.outreachexchange.identity.partners.PartnersFile;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenToolTest {

    @TempDir
    Path keys;

    @Test
    void issuesATokenThatVerifiesAgainstThePublicKeyItGenerated() throws Exception {
        String publicKey = run("keygen", "--government", "AU", "--dir", keys.toString());
        String token = run("issue", "--government", "AU", "--agency", "DFAT", "--key", keys.resolve("AU.key").toString());

        AgencyIdentity identity = AgencyTokens.verify(token, Map.of("AU", AgencyKeys.decodePublic(publicKey)), Clock.systemUTC());

        assertThat(identity.agency()).isEqualTo("DFAT");
        assertThat(run("public", "--key", keys.resolve("AU.pub").toString())).isEqualTo(publicKey);
    }

    @Test
    void issuesATokenWithTheRolesAskedForAndRefusesAnUnknownRole() throws Exception {
        String publicKey = run("keygen", "--government", "JP", "--dir", keys.toString());
        String token = run("issue", "--government", "JP", "--agency", "METI", "--roles", "planner,evaluator",
                "--key", keys.resolve("JP.key").toString());

        assertThat(AgencyTokens.verify(token, Map.of("JP", AgencyKeys.decodePublic(publicKey)), Clock.systemUTC()).roles())
                .containsExactlyInAnyOrder(Role.PLANNER, Role.EVALUATOR);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(TokenTool.run(new String[]{"issue", "--government", "JP", "--agency", "METI", "--roles", "admin",
                "--key", keys.resolve("JP.key").toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--roles takes reader, planner, evaluator and coordinator");
    }

    @Test
    void rotatesAKeyInThePartnersDocumentIssuesUnderItAndRetiresTheOldOne() throws Exception {
        Path file = keys.resolve("partners.json");
        PartnersFile.write(file, FoundingPartners.document(g -> PartnerKey.of("2008a", AgencyKeys.generate().getPublic()),
                g -> PartnerKey.of("2008a", AgencyKeys.generate().getPublic())));

        assertThat(run("rotate", "--partners", file.toString(), "--government", "JP", "--key-id", "2026b",
                "--dir", keys.toString())).endsWith("version 2: JP tokens keys [2008a, 2026b]");
        String token = run("issue", "--government", "JP", "--agency", "METI", "--key", keys.resolve("JP-2026b.key").toString(),
                "--key-id", "2026b");
        run("retire", "--partners", file.toString(), "--government", "JP", "--key-id", "2008a", "--at", "2026-12-02T00:00:00Z");

        PartnersDocument document = PartnersFile.read(file);
        assertThat(document.version()).isEqualTo(3);
        assertThat(document.partner("JP").orElseThrow().tokenKey("2008a").orElseThrow().retires())
                .isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(AgencyTokens.verify(token, KeyRing.of(document, KeyPurpose.TOKENS), Clock.systemUTC(),
                Duration.ofHours(24)).government()).isEqualTo("JP");
        assertThat(document.partner("JP").orElseThrow().eventKeys()).extracting(PartnerKey::id).containsExactly("2008a");
    }

    @Test
    void writesTheFoundingPartnersDocumentFromTheKeysKeygenWrote() throws Exception {
        for (String government : List.of("JP", "US", "AU")) {
            run("keygen", "--government", government, "--dir", keys.toString());
            run("keygen", "--government", government, "--dir", keys.toString(), "--purpose", "events");
        }
        Path file = keys.resolve("partners.json");

        run("init", "--partners", file.toString(), "--keys", keys.toString(), "--key-id", "2008a");

        PartnersDocument document = PartnersFile.read(file);
        assertThat(document.governments()).containsExactly("JP", "US", "AU");
        assertThat(document.partner("AU").orElseThrow().eventKey("2008a").orElseThrow().decoded())
                .isEqualTo(AgencyKeys.readPublic(keys.resolve("AU-events.pub")));
        String token = run("issue", "--government", "US", "--agency", "DOC", "--key", keys.resolve("US.key").toString(),
                "--key-id", "2008a");
        assertThat(AgencyTokens.verify(token, KeyRing.of(document, KeyPurpose.TOKENS), Clock.systemUTC(),
                Duration.ofHours(24)).agency()).isEqualTo("DOC");
    }

    @Test
    void joinsAGovernmentWithKeysOfItsOwnAndNoLeads() throws Exception {
        Path file = keys.resolve("partners.json");
        PartnersFile.write(file, FoundingPartners.document(g -> PartnerKey.of("2008a", AgencyKeys.generate().getPublic()),
                g -> PartnerKey.of("2008a", AgencyKeys.generate().getPublic())));

        run("join", "--partners", file.toString(), "--government", "KR", "--name", "Republic of Korea", "--key-id", "2026a",
                "--dir", keys.toString());

        Partner korea = PartnersFile.read(file).partner("KR").orElseThrow();
        assertThat(korea.topic()).isEqualTo("outreach.activities.kr");
        assertThat(korea.leads()).isEmpty();
        assertThat(korea.eventKey("2026a").orElseThrow().decoded())
                .isEqualTo(AgencyKeys.readPublic(keys.resolve("KR-events-2026a.pub")));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(TokenTool.run(new String[]{"join", "--partners", file.toString(), "--government", "KR", "--name", "Korea",
                "--key-id", "2026b", "--dir", keys.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("KR is already a partner");
    }

    @Test
    void refusesAnIssueWithoutAgency() throws Exception {
        run("keygen", "--government", "AU", "--dir", keys.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = TokenTool.run(new String[]{"issue", "--government", "AU", "--key", keys.resolve("AU.key").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--agency is required");
    }

    @Test
    void verifyLogExitsZeroForAnIntactLogAndOneNamingTheEditedEntry() throws Exception {
        run("keygen", "--government", "JP", "--dir", keys.toString(), "--purpose", "events");
        java.security.PrivateKey key = AgencyKeys.readPrivate(keys.resolve("JP-events.key"));
        StringBuilder log = new StringBuilder("[");
        String previous = EventSeals.GENESIS;
        for (int seq = 1; seq <= 3; seq++) {
            EventSeals.Content content = new EventSeals.Content("e" + seq, "t", "s", "a", "a", "{\"n\":" + seq + "}");
            EventSeals.Seal seal = EventSeals.seal(key, "JP", seq, previous, content.digest());
            log.append(seq > 1 ? "," : "").append(String.format("{\"government\":\"JP\",\"sequence\":%d,\"previous\":\"%s\","
                    + "\"signature\":\"%s\",\"eventId\":\"e%d\",\"type\":\"t\",\"source\":\"s\",\"subject\":\"a\","
                    + "\"key\":\"a\",\"data\":\"{\\\"n\\\":%d}\"}", seq, previous, seal.signature(), seq, seq));
            previous = EventSeals.link("JP", seq, previous, content.digest());
        }
        Path file = keys.resolve("log.json");
        java.nio.file.Files.writeString(file, log.append("]"));

        assertThat(run("verify-log", "--log", file.toString(), "--public-key", "JP=" + keys.resolve("JP-events.pub")))
                .contains("JP: 3 entries verified").endsWith("intact");

        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file).replace("{\\\"n\\\":2}", "{\\\"n\\\":9}"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TokenTool.run(new String[]{"verify-log", "--log", file.toString(), "--public-key",
                "JP=" + keys.resolve("JP-events.pub")}, new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("PROBLEM JP #2: signature does not verify");
    }

    private static String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(TokenTool.run(args, new PrintStream(out), new PrintStream(new ByteArrayOutputStream()))).isZero();
        return out.toString(StandardCharsets.UTF_8).trim();
    }
}
