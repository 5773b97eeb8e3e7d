package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outreachexchange.identity.Role;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The probes of issue 12 against the gateway, each kept as a test. */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class InputProbeTest {

    @Test
    void refusesControlCharactersInBodiesNamingFieldAndRule() {
        String bearer = Agencies.bearer("JP");
        given().header("Authorization", bearer).contentType("application/json")
                .body("{\"kind\":\"SCHEDULES\",\"channel\":\"SSE\",\"filters\":{\"recipients\":[\"M\\u0000Y\"]}}")
                .when().post("/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("filters.recipients[0]")).body("errors[0].rule", equalTo("control-characters"));
        String id = Subscriptions.create("JP", Map.of("kind", "NOTICES", "channel", "WEBHOOK", "url", "http://127.0.0.1:9/hook")).getString("id");
        given().header("Authorization", bearer).contentType("application/json")
                .body("{\"kind\":\"NOTICES\",\"channel\":\"WEBHOOK\",\"url\":\"http://127.0.0.1:9/h\\u0001ook\"}")
                .when().put("/subscriptions/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url")).body("errors[0].rule", equalTo("control-characters"));

        ActivityEvents.Draft activity = publishedAndSeen(new ActivityEvents.Draft("US", "GM", 90));
        given().header("Authorization", bearer).contentType("application/json")
                .body("{\"verdict\":\"CONCERN\",\"comment\":\"nul \\u0000 here\"}")
                .when().post("/activities/" + activity.id + "/acknowledgements").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("comment"))
                .body("errors[0].rule", equalTo("control-characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/schedule?government=J%00P", "/schedule?recipient=%01Y", "/schedule?from=2026-01-01%00",
            "/schedule?compliance=LATE%00", "/compliance?government=JP&from=2026-01-01&to=2026-12%1F-31",
            "/exchange-log?government=%00", "/advisories?limit=%00", "/subscriptions?after=%7F"})
    void refusesControlCharactersInQueryParametersWithABadRequestProblem(String path) {
        given().header("Authorization", Agencies.bearer("JP")).urlEncodingEnabled(false).when().get(path)
                .then().statusCode(400).contentType("application/problem+json").body("errors.size()", equalTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/subscriptions/%00", "/subscriptions/%00/deliveries", "/subscriptions/%01/events",
            "/activities/%00/notice", "/feeds/%00.ics", "/feeds/a%0Ab.ics"})
    void answersControlCharactersInPathParametersAsNamingNothing(String path) {
        given().header("Authorization", Agencies.bearer("JP")).urlEncodingEnabled(false).when().get(path)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusesControlCharactersInTheLastEventIdHeader() {
        String id = Subscriptions.create("JP", Map.of("kind", "SCHEDULES", "channel", "SSE")).getString("id");
        given().header("Authorization", Agencies.bearer("JP")).header("Last-Event-ID", "1\u0001")
                .when().get("/subscriptions/" + id + "/events").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Last-Event-ID"));
    }

    @Test
    void storesAnActivityForTheProducersMaximumOf250RecipientsAndShowsItsNoticeToTheOrganizer() {
        ActivityEvents.Draft wide = new ActivityEvents.Draft("JP", "AA", 120);
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            recipients.add("" + (char) ('A' + i / 26) + (char) ('A' + i % 26));
        }
        wide.recipients = recipients;
        ActivityEvents.publish(wide, "planned");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Agencies.bearer("JP"))
                .when().get("/activities/" + wide.id + "/notice").then().statusCode(200)
                .body("organizer", equalTo("JP")).body("notice.outcome", equalTo("COMPLIANT")));
        List<String> stored = given().header("Authorization", Agencies.bearer("JP")).queryParam("recipient", "JP")
                .queryParam("government", "JP").queryParam("limit", 1000).when().get("/schedule").then().statusCode(200)
                .extract().jsonPath().getList("find { it.activity.activityId == '" + wide.id + "' }.activity.recipients");
        assertThat(stored).containsExactlyElementsOf(recipients);
    }

    @Test
    void letsOnlyPlannersAndCoordinatorsAcknowledgeAndChecksRoleAndVisibilityBeforeTheBody() {
        ActivityEvents.Draft shared = publishedAndSeen(new ActivityEvents.Draft("JP", "LC", 90));
        ActivityEvents.Draft restricted = publishedAndSeen(new ActivityEvents.Draft("JP", "LC", 91).restrictedTo("US"));
        String path = "/activities/" + shared.id + "/acknowledgements";
        String bad = "{\"verdict\":";

        acknowledge(TestAgencies.bearer("US", "CBP-US", Set.of()), path, bad).statusCode(403).contentType("application/problem+json");
        acknowledge(TestAgencies.bearer("US", "DOC-US", Set.of(Role.EVALUATOR)), path, bad).statusCode(403);
        acknowledge(TestAgencies.bearer("US", "CBP-US", Set.of()), path, "{\"verdict\":\"CONCUR\"}").statusCode(403);
        acknowledge(TestAgencies.bearer("AU", "DFAT-AU", Set.of(Role.PLANNER)), "/activities/" + restricted.id + "/acknowledgements", bad)
                .statusCode(404).contentType("application/problem+json");
        acknowledge(TestAgencies.bearer("AU", "DFAT-AU", Set.of(Role.PLANNER)), path, bad).statusCode(400);
        acknowledge(TestAgencies.bearer("AU", "PMC-AU", Set.of(Role.COORDINATOR)), path, "{\"verdict\":\"CONCUR\"}")
                .statusCode(200).body("agency", equalTo("PMC-AU"));
        acknowledge(TestAgencies.bearer("US", "STATE-US", Set.of(Role.PLANNER)), path, "{\"verdict\":\"CONCUR\"}").statusCode(200);
        given().header("Authorization", TestAgencies.bearer("US", "CBP-US", Set.of())).when().get("/activities/" + shared.id + "/notice")
                .then().statusCode(200).body("acknowledgements.agency", equalTo(List.of("STATE-US")));
    }

    @Test
    void keepsActivitiesOutsideTheCalendarWindowOutOfTheFeed() {
        String feed = Subscriptions.create("AU", Map.of("kind", "SCHEDULES", "channel", "ICAL", "filters", Map.of("recipients", List.of("KI"))))
                .getString("feedUrl");
        ActivityEvents.Draft soon = new ActivityEvents.Draft("JP", "KI", 300);
        ActivityEvents.Draft beyond = new ActivityEvents.Draft("JP", "KI", 3 * 366);
        ActivityEvents.publish(beyond, "planned");
        ActivityEvents.publish(soon, "planned");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Agencies.bearer("AU"))
                .queryParam("recipient", "KI").when().get("/schedule").then().body("activity.activityId", hasItem(beyond.id.toString())));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get(feed).then().statusCode(200).extract().asString()
                .contains("UID:" + soon.id));
        assertThat(given().when().get(feed).then().extract().asString()).doesNotContain(beyond.id.toString());
    }

    private static ActivityEvents.Draft publishedAndSeen(ActivityEvents.Draft draft) {
        ActivityEvents.publish(draft, "planned");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Agencies.bearer(draft.organizer))
                .when().get("/activities/" + draft.id + "/notice").then().statusCode(200));
        return draft;
    }

    private static ValidatableResponse acknowledge(String bearer, String path, String body) {
        return given().header("Authorization", bearer).contentType("application/json").body(body).when().post(path).then();
    }
}
