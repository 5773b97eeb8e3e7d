package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.outreachexchange.identity.Role;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/**
 * Partners suggest changes to an activity; its organizer's government answers once. Only partners that may see the
 * activity suggest (others get 404, as for an unknown id), only the organizer's government answers, and each partner
 * reads only its own suggestions. Also the one-time console sign-in links.
 */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class SuggestionApiTest {

    @Test
    void partnersThatMaySeeAnActivitySuggestAndOnlyItsOrganizerAnswersOnce() {
        ActivityEvents.Draft seminar = new ActivityEvents.Draft("JP", "TV", 80).restrictedTo("US");
        seminar.title = "Industrial outreach seminar in Funafuti";
        ActivityEvents.publish(seminar, "planned");
        String path = "/activities/" + seminar.id + "/suggestions";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Agencies.bearer("US"))
                .get(path).then().statusCode(200));

        Map<String, Object> agendaItem = Map.of("kind", "AGENDA_ITEM", "text", "Catch-all controls", "reason", "Our licensing data");
        String suggestion = given().header("Authorization", bearer("US", "DOC")).contentType("application/json").body(agendaItem)
                .post(path).then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("OPEN"))
                .body("government", org.hamcrest.Matchers.equalTo("US")).extract().path("id");

        // Australia may not see the activity: 404 before its body is read, exactly as for an unknown activity.
        Response hidden = given().header("Authorization", bearer("AU", "DFAT")).contentType("application/json").body("not json").post(path);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("application/problem+json");
        given().header("Authorization", bearer("AU", "DFAT")).get(path).then().statusCode(404);
        // The organizer revises its own activity; a reader may not suggest; both refused before the body.
        given().header("Authorization", bearer("JP", "METI")).contentType("application/json").body("not json").post(path).then().statusCode(403);
        given().header("Authorization", TestAgencies.bearer("US", "CBP", Set.of())).contentType("application/json").body(agendaItem)
                .post(path).then().statusCode(403);
        // An objective names the element it serves.
        given().header("Authorization", bearer("US", "DOC")).contentType("application/json")
                .body(Map.of("kind", "OBJECTIVE", "text", "Industry keeps ICPs")).post(path).then().statusCode(400)
                .body("errors.field", hasItem("element")).body("errors.rule", hasItem("required"));

        given().header("Authorization", bearer("JP", "METI")).get(path).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.contains(suggestion)).body("[0].text", org.hamcrest.Matchers.equalTo("Catch-all controls"));

        String answer = path + "/" + suggestion + "/answer";
        given().header("Authorization", bearer("US", "DOC")).contentType("application/json").body("not json").post(answer)
                .then().statusCode(403);
        given().header("Authorization", bearer("JP", "METI")).contentType("application/json").body(Map.of("decision", "MAYBE"))
                .post(answer).then().statusCode(400).body("errors.field", hasItem("decision"));
        given().header("Authorization", bearer("JP", "METI")).contentType("application/json")
                .body(Map.of("decision", "ACCEPT", "comment", "Added to the agenda")).post(answer).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ACCEPTED")).body("answeredBy", org.hamcrest.Matchers.equalTo("METI"));
        given().header("Authorization", bearer("JP", "METI")).contentType("application/json").body(Map.of("decision", "DECLINE"))
                .post(answer).then().statusCode(409);
        given().header("Authorization", bearer("US", "DOC")).get(path).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.contains("ACCEPTED"));
    }

    @Test
    void aSignInLinkOpensOneConsoleSessionForItsAgencyOnce() {
        String link = given().header("Authorization", bearer("AU", "DFAT")).post("/console-sign-in-links").then().statusCode(201)
                .extract().path("path");
        assertThat(link).startsWith("/console/sign-in/").doesNotContain(bearer("AU", "DFAT").substring(7));

        assertThat(given().get(link).then().statusCode(200).extract().asString()).contains("method=\"post\"");
        Response opened = given().redirects().follow(false).contentType("application/x-www-form-urlencoded").post(link);
        assertThat(opened.statusCode()).isEqualTo(303);
        String cookie = opened.getCookie("ox_console");
        assertThat(given().cookie("ox_console", cookie).get("/console/calendar").asString()).contains("AU / DFAT");

        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").post(link).then().statusCode(410);
        given().post("/console-sign-in-links").then().statusCode(401);
    }

    private static String bearer(String government, String agency) {
        return TestAgencies.bearer(government, agency, Set.of(Role.PLANNER, Role.EVALUATOR));
    }
}
