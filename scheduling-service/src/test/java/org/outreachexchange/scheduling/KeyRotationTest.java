package org.outreachexchange.scheduling;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachexchange.identity.TokenTool;
import org.outreachexchange.identity.partners.PartnersDocument;
import org.outreachexchange.identity.partners.PartnersFile;
import org.outreachexchange.identity.quarkus.Partners;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminar;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminarOnDates;

/**
 * Japan rotates its token key with the operators' CLI while the service runs: the new key works as soon as the service
 * has read the partners document again, tokens under the old key keep working until it retires, and nothing restarts.
 */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "scheduling"), @ResourceArg(name = "chain", value = "JP")})
class KeyRotationTest {

    @Inject
    Partners partners;

    @ConfigProperty(name = "outreach.partners.file")
    String partnersFile;

    @TempDir
    Path keys;

    @Test
    void acceptsTokensUnderJapansOldAndNewKeyDuringTheRotationAndRefusesTheOldOnceRetired() throws IOException {
        String oldToken = "Bearer " + TestAgencies.token("JP", "METI");
        long before = partners.current().version();
        try {
            cli("rotate", "--partners", partnersFile, "--government", "JP", "--key-id", "2026b", "--dir", keys.toString());
            String newToken = "Bearer " + cli("issue", "--government", "JP", "--agency", "METI", "--key",
                    keys.resolve("JP-2026b.key").toString(), "--key-id", "2026b", "--roles", "planner");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().header("Authorization", newToken).when().get("/activities").then().statusCode(200));

            String id = given().header("Authorization", newToken).contentType("application/json").body(malaysiaSeminar())
                    .when().post("/activities").then().statusCode(201).extract().path("id");
            given().header("Authorization", oldToken).header("If-Match", "\"1\"").contentType("application/json")
                    .body(malaysiaSeminarOnDates()).when().put("/activities/" + id).then().statusCode(200)
                    .body("version", equalTo(2));

            cli("retire", "--partners", partnersFile, "--government", "JP", "--key-id", TestAgencies.KEY_ID,
                    "--at", Instant.now().toString());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", oldToken)
                    .when().get("/activities/" + id).then().statusCode(401).contentType("application/problem+json")
                    .body("detail", containsString("JP:" + TestAgencies.KEY_ID)));
            given().header("Authorization", newToken).when().get("/activities/" + id).then().statusCode(200)
                    .body("version", equalTo(2));
            assertThat(partners.current().version()).as("one version per CLI command").isEqualTo(before + 2);
        } finally {
            // Every other test signs with the test key: list it again, unretired, and wait until the service has.
            PartnersDocument restored = new PartnersDocument(partners.current().version() + 1,
                    TestAgencies.partnersDocument().partners());
            PartnersFile.write(Path.of(partnersFile), restored);
            await().atMost(Duration.ofSeconds(30)).until(() -> partners.current().version() == restored.version());
        }
    }

    private static String cli(String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TokenTool.run(args, new PrintStream(out), new PrintStream(err));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8).trim();
    }
}
