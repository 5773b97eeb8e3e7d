package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.outreachexchange.identity.AgencyKeys;
import org.outreachexchange.identity.AgencyTokens;
import org.outreachexchange.identity.Role;
import org.outreachexchange.identity.partners.LeadTool;
import org.outreachexchange.identity.partners.Partner;
import org.outreachexchange.identity.partners.PartnerKey;
import org.outreachexchange.identity.partners.PartnersDocument;
import org.outreachexchange.identity.partners.PartnersFile;
import org.outreachexchange.identity.quarkus.Partners;
import org.outreachexchange.infra.TestAgencies;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Korea joins the running exchange through the partners document: it answers the proposals opened after it joined,
 * cannot veto those opened before, and does not answer (nor is awaited on, nor counted in) proposals about its own
 * evaluation, nor assess itself; the others decide those. What the document says it leads is a ROLE_SHARING proposal
 * the founders answer, not a change Korea (or the document's editor) makes alone.
 */
@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class JoiningPartnerTest {

    static final String JP = TestAgencies.bearer("JP", "METI");
    static final String US = TestAgencies.bearer("US", "DOC");
    static final String AU = TestAgencies.bearer("AU", "DFAT");

    @Inject
    Partners partners;

    @ConfigProperty(name = "outreach.partners.file")
    String partnersFile;

    @Test
    void koreaAnswersOnlyProposalsOpenedAfterItJoinedNoneAboutItsOwnEvaluationAndItsLeadsAreDecidedByTheOthers() {
        String before = propose(AU, "HK").statusCode(201).extract().path("id");
        KeyPair korea = AgencyKeys.generate();
        String kr = "Bearer " + AgencyTokens.issue(korea.getPrivate(), "2026a", "KR", "KTC", "ktc-tester",
                Set.of(Role.EVALUATOR), Duration.ofHours(1), Clock.systemUTC());
        try {
            join(korea);

            String roles = awaitRoleSharingProposalOf("KR");
            assertThat(Proposals.get(US, roles).getList("awaiting")).containsExactly("AU", "JP", "US");
            assertThat(Proposals.get(US, roles).getString("leads.CATEGORY_4[0].tool")).isEqualTo("INDUSTRY_OUTREACH_SEMINAR");
            assertThat(koreaLeadsInCategory4()).as("not before the partners decide").isNull();
            Proposals.concur(JP, roles);
            Proposals.concur(US, roles);
            assertThat(Proposals.concur(AU, roles).getString("status")).isEqualTo("ADOPTED");
            assertThat(koreaLeadsInCategory4()).containsExactly("INDUSTRY_OUTREACH_SEMINAR");

            given().header("Authorization", kr).contentType(ContentType.JSON).body(Map.of("comment", "veto"))
                    .when().post("/proposals/" + before + "/objections").then().statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString("KR was not a partner when proposal"));
            assertThat(Proposals.get(US, before).getList("awaiting")).containsExactly("JP", "US");
            assertThat(Proposals.get(US, before).getList("electorate")).containsExactly("AU", "JP", "US");
            Proposals.concur(JP, before);
            assertThat(Proposals.concur(US, before).getString("status")).isEqualTo("ADOPTED");

            String after = propose(AU, "HK").statusCode(201).extract().path("id");
            assertThat(Proposals.get(US, after).getList("awaiting")).containsExactly("JP", "KR", "US");
            Proposals.concur(JP, after);
            Proposals.concur(US, after);
            assertThat(Proposals.get(US, after).getString("status")).as("Korea's answer counts").isEqualTo("OPEN");
            assertThat(Proposals.concur(kr, after).getString("status")).isEqualTo("ADOPTED");

            String aboutKorea = propose(JP, "KR").statusCode(201).extract().path("id");
            assertThat(Proposals.get(US, aboutKorea).getList("awaiting")).containsExactly("AU", "US");
            given().header("Authorization", kr).queryParam("awaiting", "me").when().get("/proposals").then().statusCode(200)
                    .body("id", not(hasItem(aboutKorea)));
            given().header("Authorization", kr).contentType(ContentType.JSON).body(Map.of())
                    .when().post("/proposals/" + aboutKorea + "/concurrences").then().statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString("KR's own evaluation"));
            Proposals.concur(AU, aboutKorea);
            assertThat(Proposals.concur(US, aboutKorea).getString("status")).isEqualTo("ADOPTED");
            assertThat(Proposals.get(US, aboutKorea).getList("responses.government")).containsExactly("AU", "US");

            propose(kr, "KR").statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("does not assess itself"));
        } finally {
            // Other tests run against the founding partners: put the document back and wait until the service has read it.
            PartnersFile.write(Path.of(partnersFile), new PartnersDocument(partners.current().version() + 1,
                    TestAgencies.partnersDocument().partners()));
            await().atMost(Duration.ofSeconds(30)).until(() -> partners.current().partner("KR").isEmpty());
        }
    }

    private void join(KeyPair korea) {
        PartnersDocument current = partners.current();
        PartnerKey key = PartnerKey.of("2026a", korea.getPublic());
        PartnersFile.write(Path.of(partnersFile), current.withPartner(new Partner("KR", "Republic of Korea",
                Partner.topicOf("KR"), Instant.now(), List.of(key), List.of(key),
                Map.of("CATEGORY_4", List.of(new LeadTool("INDUSTRY_OUTREACH_SEMINAR", false))))));
        await().atMost(Duration.ofSeconds(30)).until(() -> partners.current().partner("KR").isPresent());
    }

    private static String awaitRoleSharingProposalOf(String government) {
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> found = given().header("Authorization", US).queryParam("kind", "ROLE_SHARING").queryParam("status", "OPEN")
                    .when().get("/proposals").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.proposedBy == '" + government + "' }.id");
            found.stream().findFirst().ifPresent(id::set);
            return !found.isEmpty();
        });
        return id.get();
    }

    private static List<String> koreaLeadsInCategory4() {
        return given().header("Authorization", US).when().get("/reference/role-sharing").then().statusCode(200)
                .extract().jsonPath().getList("find { it.category == 'CATEGORY_4' }.leads.KR.tool");
    }

    private static ValidatableResponse propose(String token, String country) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("country", country, "rationale", "Licensing reviewed", "factors", Map.of("TRADE_VOLUME", 0.4)))
                .when().post("/assessments").then();
    }
}
