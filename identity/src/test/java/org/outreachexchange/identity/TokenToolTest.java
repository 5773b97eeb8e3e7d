package org.outreachexchange.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
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
