package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.outreachexchange.identity.AgencyKeys;
import org.outreachexchange.identity.partners.Partner;
import org.outreachexchange.identity.partners.PartnerKey;
import org.outreachexchange.identity.partners.PartnersDocument;
import org.outreachexchange.identity.partners.PartnersFile;
import org.outreachexchange.identity.quarkus.Partners;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** A partner's engineer learns from the gateway who the partners are and what it may subscribe to, and both are true. */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class DiscoveryTest {

    @TestHTTPResource(value = "openapi", management = true)
    URI openapi;

    @Inject
    Partners partners;

    @ConfigProperty(name = "outreach.partners.file")
    String partnersFile;

    @Test
    void listsThePartnersWithTheirTopicsKeysAndLeadsToAnyPartnersAgencyOnly() {
        JsonPath document = given().header("Authorization", Agencies.bearer("AU")).when().get("/partners")
                .then().statusCode(200).extract().jsonPath();

        assertThat(document.getList("partners.government")).containsExactly("JP", "US", "AU");
        assertThat(document.getList("partners.topic")).containsExactly("outreach.activities.jp", "outreach.activities.us",
                "outreach.activities.au");
        assertThat(document.getString("partners[0].tokenKeys[0].publicKey"))
                .isEqualTo(AgencyKeys.encodePublic(TestAgencies.keys("JP").getPublic()));
        assertThat(document.getString("partners[0].eventKeys[0].publicKey"))
                .isEqualTo(AgencyKeys.encodePublic(TestAgencies.eventKeys("JP").getPublic()));
        assertThat(document.getList("partners[2].leads.CATEGORY_2.tool")).containsExactly("LEGAL_ASSISTANCE", "OFFICER_TRAINING");
        given().when().get("/partners").then().statusCode(401).contentType("application/problem+json");
        given().when().get(openapi.toString() + "?format=json").then().statusCode(200)
                .body(containsString("\"/partners\"")).body(containsString("\"/subscriptions/options\""));
    }

    @Test
    void acceptsEveryKindAndChannelTheOptionsListAndRefusesEveryOtherCombination() {
        JsonPath options = options("US");
        assertThat(options.getList("kinds.find { it.kind == 'SCHEDULES' }.channels")).containsExactly("WEBHOOK", "SSE", "ICAL");
        assertThat(options.getList("kinds.find { it.kind == 'REEVALUATIONS' }.filters"))
                .containsExactly("countries", "categoryChangesOnly");
        assertThat(options.getList("filters.find { it.name == 'governments' }.values")).containsExactly("JP", "US", "AU");
        assertThat(options.getList("filters.find { it.name == 'activityTypes' }.values")).contains("BILATERAL_CONSULTATION");

        for (String kind : List.of("SCHEDULES", "REEVALUATIONS", "NOTICES", "PROPOSALS")) {
            List<String> listed = options.getList("kinds.find { it.kind == '" + kind + "' }.channels");
            for (Map<String, Object> channel : options.<Map<String, Object>>getList("channels")) {
                Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "channel", channel.get("channel")));
                if (Boolean.TRUE.equals(channel.get("needsUrl"))) {
                    body.put("url", "http://127.0.0.1:9/hook");
                }
                int expected = listed.contains((String) channel.get("channel")) ? 201 : 400;
                String id = given().header("Authorization", Agencies.bearer("US")).contentType("application/json").body(body)
                        .when().post("/subscriptions").then().statusCode(expected).extract().path("id");
                if (id != null) {
                    given().header("Authorization", Agencies.bearer("US")).when().delete("/subscriptions/" + id)
                            .then().statusCode(204);
                }
            }
        }
    }

    @Test
    void offersAGovernmentAsSoonAsItJoinsThePartnersDocumentWithoutARestart() {
        Partner korea = new Partner("KR", "Republic of Korea", Partner.topicOf("KR"), Instant.now(),
                List.of(PartnerKey.of("2026a", AgencyKeys.generate().getPublic())),
                List.of(PartnerKey.of("2026a", AgencyKeys.generate().getPublic())), Map.of());
        Map<String, Object> koreasSchedules = Map.of("kind", "SCHEDULES", "channel", "SSE",
                "filters", Map.of("governments", List.of("KR")));
        given().header("Authorization", Agencies.bearer("JP")).contentType("application/json").body(koreasSchedules)
                .when().post("/subscriptions").then().statusCode(400).body("errors[0].rule", equalTo("trusted-partner"));
        PartnersDocument joined = partners.current().withPartner(korea);
        try {
            PartnersFile.write(Path.of(partnersFile), joined);
            await().atMost(Duration.ofSeconds(30)).until(() -> partners.current().version() == joined.version());

            given().header("Authorization", Agencies.bearer("JP")).when().get("/partners").then().statusCode(200)
                    .body("partners.government", hasItem("KR")).body("version", equalTo((int) joined.version()));
            assertThat(options("JP").getList("filters.find { it.name == 'governments' }.values")).containsExactly(
                    "JP", "US", "AU", "KR");
            Subscriptions.create("JP", koreasSchedules);
        } finally {
            PartnersDocument restored = new PartnersDocument(partners.current().version() + 1,
                    TestAgencies.partnersDocument().partners());
            PartnersFile.write(Path.of(partnersFile), restored);
            await().atMost(Duration.ofSeconds(30)).until(() -> partners.current().version() == restored.version());
        }
    }

    private static JsonPath options(String government) {
        return given().header("Authorization", Agencies.bearer(government)).when().get("/subscriptions/options")
                .then().statusCode(200).extract().jsonPath();
    }
}
