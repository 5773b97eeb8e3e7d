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
    void refusesAnIssueWithoutAgency() throws Exception {
        run("keygen", "--government", "AU", "--dir", keys.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = TokenTool.run(new String[]{"issue", "--government", "AU", "--key", keys.resolve("AU.key").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--agency is required");
    }

    private static String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(TokenTool.run(args, new PrintStream(out), new PrintStream(new ByteArrayOutputStream()))).isZero();
        return out.toString(StandardCharsets.UTF_8).trim();
    }
}
