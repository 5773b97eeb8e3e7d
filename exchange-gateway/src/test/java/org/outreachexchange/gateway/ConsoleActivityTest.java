package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An activity's console page: a partner acknowledges (a concern without a comment is refused beside the comment field,
 * keeping what was chosen) and suggests an agenda item; the organizer sees both and accepts; a partner that may not see
 * the activity gets the not-found page; a form sent after the session ended survives signing in again.
 */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class ConsoleActivityTest {

    @TestHTTPResource("/console")
    URL console;

    @Test
    void aPartnerRaisesAConcernAndSuggestsAnAgendaItemWhichTheOrganizerAccepts() {
        ActivityEvents.Draft seminar = new ActivityEvents.Draft("JP", "KI", 75).restrictedTo("US");
        seminar.title = "Industrial outreach seminar in Tarawa";
        ActivityEvents.publish(seminar, "planned");
        String page = "/console/activities/" + seminar.id;
        String us = signIn("US", "DOC");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().cookie("ox_console", us).get(page).statusCode() == 200);

        String form = ConsoleSignInTest.formToken(given().cookie("ox_console", us).get(page).asString());
        Response refused = post(us, page + "/acknowledgement", "csrf", form, "verdict", "CONCERN", "comment", "");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"error-comment\"").contains("value=\"CONCERN\" checked");

        assertThat(post(us, page + "/acknowledgement", "csrf", form, "verdict", "CONCERN",
                "comment", "Clashes with our EXBS visit").statusCode()).isEqualTo(303);
        assertThat(given().cookie("ox_console", us).get(page).asString()).as("the form starts from the current acknowledgement")
                .contains("value=\"CONCERN\" checked").contains(">Clashes with our EXBS visit</textarea>");
        assertThat(post(us, page + "/suggestions", "csrf", form, "kind", "AGENDA_ITEM", "text", "Catch-all controls",
                "element", "", "reason", "").statusCode()).isEqualTo(303);
        assertThat(post(us, page + "/suggestions", "csrf", form, "kind", "OBJECTIVE", "text", "ICP in every exporter",
                "element", "", "reason", "").asString()).contains("id=\"error-element\"");

        String jp = signIn("JP", "METI");
        String organizerView = given().cookie("ox_console", jp).get(page).asString();
        assertThat(organizerView).contains("data-government=\"US\" data-verdict=\"CONCERN\"").contains("Clashes with our EXBS visit")
                .contains("Catch-all controls").contains("data-status=\"OPEN\"").contains("value=\"ACCEPT\"");
        String suggestion = organizerView.replaceAll("(?s).*data-suggestion-id=\"([^\"]+)\".*", "$1");
        String jpForm = ConsoleSignInTest.formToken(organizerView);
        assertThat(post(jp, page + "/suggestions/" + suggestion + "/answer", "csrf", jpForm, "decision", "ACCEPT",
                "comment", "").statusCode()).isEqualTo(303);
        assertThat(given().cookie("ox_console", jp).get(page).asString()).contains("data-status=\"ACCEPTED\"")
                .contains("data-apply=\"" + suggestion + "\"");
        assertThat(given().cookie("ox_console", us).get(page).asString()).contains("data-status=\"ACCEPTED\"");

        String au = signIn("AU", "DFAT");
        given().cookie("ox_console", au).get(page).then().statusCode(404);
        assertThat(post(au, page + "/suggestions", "csrf", ConsoleSignInTest.formToken(
                given().cookie("ox_console", au).get("/console/calendar").asString()), "kind", "AGENDA_ITEM", "text", "x")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void whatWasTypedWhenTheSessionEndedIsRestoredAfterSigningInAgain() {
        ActivityEvents.Draft seminar = new ActivityEvents.Draft("JP", "KI", 85);
        ActivityEvents.publish(seminar, "planned");
        String page = "/console/activities/" + seminar.id;
        Response kept = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("Referer", "http://localhost:" + io.restassured.RestAssured.port + page)
                .formParams("csrf", "from-the-old-session", "kind", "AGENDA_ITEM", "text", "Transit controls at Tarawa port")
                .post(page + "/suggestions");
        assertThat(kept.statusCode()).isEqualTo(401);
        assertThat(kept.asString()).contains("name=\"draft.text\" value=\"Transit controls at Tarawa port\"")
                .contains("name=\"return\" value=\"" + page + "\"").doesNotContain("from-the-old-session");

        Response signedIn = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParams("token", TestAgencies.bearer("US", "DOC").substring(7), "return", page,
                        "draft.kind", "AGENDA_ITEM", "draft.text", "Transit controls at Tarawa port")
                .post("/console/sign-in");
        assertThat(signedIn.getHeader("Location")).endsWith(page);
        String cookie = signedIn.getCookie("ox_console");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().cookie("ox_console", cookie).get("/console/calendar")
                .asString().contains(seminar.id.toString()));
        assertThat(given().cookie("ox_console", cookie).get(page).asString()).contains(">Transit controls at Tarawa port</textarea>");
        assertThat(given().cookie("ox_console", cookie).get(page).asString()).as("restored once")
                .doesNotContain(">Transit controls at Tarawa port</textarea>");
    }

    @Test
    void anOpenPageHearsLiveOfAPartnersNewActivityButNotOfOneRestrictedToAnotherPartner() throws Exception {
        String au = signIn("AU", "DFAT");
        try (SseStream live = new SseStream(URI.create(console + "/live"), Map.of("Cookie", "ox_console=" + au), null)) {
            ActivityEvents.Draft restricted = new ActivityEvents.Draft("JP", "NR", 70).restrictedTo("US");
            restricted.title = "Closed consultation in Yaren";
            ActivityEvents.Draft shared = new ActivityEvents.Draft("JP", "NR", 72);
            shared.title = "Industrial outreach seminar in Yaren";
            ActivityEvents.publish(restricted, "planned");
            ActivityEvents.publish(shared, "planned");
            await().atMost(Duration.ofSeconds(60)).until(() -> String.join("", live.data).contains(shared.title));
            assertThat(String.join("", live.data)).contains("data-live=\"live_new_activity\"")
                    .contains("/console/activities/" + shared.id).doesNotContain(restricted.title);
        }
        given().redirects().follow(false).get("/console/live").then().statusCode(303);
    }

    static String signIn(String government, String agency) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("token", TestAgencies.bearer(government, agency).substring(7)).post("/console/sign-in")
                .then().statusCode(303).extract().cookie("ox_console");
    }

    private static Response post(String cookie, String path, String... fields) {
        var request = given().redirects().follow(false).cookie("ox_console", cookie).contentType("application/x-www-form-urlencoded");
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(path);
    }
}
