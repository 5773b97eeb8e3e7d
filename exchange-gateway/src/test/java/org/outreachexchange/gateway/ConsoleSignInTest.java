package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's session: signing in by a pasted token or a one-time link, the cookie the browser gets (opaque, HttpOnly,
 * SameSite=Strict, never the token), the security headers, form tokens, signing out, the calendar as the government may
 * see it, and the language switch.
 */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class ConsoleSignInTest {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Test
    void anOfficerSignsInWithATokenSeesWhatItsGovernmentMaySeeAndSignsOut() {
        ActivityEvents.Draft shared = new ActivityEvents.Draft("JP", "WS", 90);
        shared.title = "Industrial outreach seminar in Apia";
        ActivityEvents.Draft restricted = new ActivityEvents.Draft("JP", "WS", 95).restrictedTo("AU");
        restricted.title = "Closed consultation in Apia";
        ActivityEvents.publish(shared, "planned");
        ActivityEvents.publish(restricted, "planned");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", Agencies.bearer("AU"))
                .get("/schedule?recipient=WS").asString().contains(restricted.id.toString()));

        given().redirects().follow(false).when().get("/console/calendar?view=list").then().statusCode(303)
                .header("Location", Matchers.endsWith("/console/sign-in?return=%2Fconsole%2Fcalendar%3Fview%3Dlist"));

        Response refused = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("token", "not-a-token").formParam("return", "/console/calendar").post("/console/sign-in");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.getHeader("Set-Cookie")).isNull();
        assertThat(refused.asString()).contains("id=\"error-token\"").contains("aria-invalid=\"true\"");

        String token = TestAgencies.bearer("US", "DOC").substring("Bearer ".length());
        Response signedIn = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("token", token).formParam("return", "/console/calendar?view=list").post("/console/sign-in");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.getHeader("Location")).endsWith("/console/calendar?view=list");
        String setCookie = signedIn.getHeader("Set-Cookie");
        assertThat(setCookie).contains("ox_console=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .contains("Path=/console").doesNotContain(token);
        String cookie = signedIn.getCookie("ox_console");

        Response calendar = given().cookie("ox_console", cookie).get("/console/calendar?view=list&recipient=WS");
        assertThat(calendar.statusCode()).isEqualTo(200);
        assertThat(calendar.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(calendar.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(calendar.asString()).contains("Shared calendar").contains(shared.title).contains("US / DOC")
                .doesNotContain(restricted.title).doesNotContain(token);

        String japanese = given().cookie("ox_console", cookie).cookie("ox_lang", "ja").get("/console/calendar").asString();
        assertThat(japanese).contains("共有カレンダー").contains("lang=\"ja\"");

        given().redirects().follow(false).cookie("ox_console", cookie).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", "forged").post("/console/sign-out").then().statusCode(403);
        given().redirects().follow(false).cookie("ox_console", cookie).contentType("application/x-www-form-urlencoded")
                .header("Origin", "https://elsewhere.example").formParam("csrf", formToken(calendar.asString()))
                .post("/console/sign-out").then().statusCode(403);
        given().redirects().follow(false).cookie("ox_console", cookie).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", formToken(calendar.asString())).post("/console/sign-out").then().statusCode(303);
        given().redirects().follow(false).cookie("ox_console", cookie).get("/console/calendar").then().statusCode(303);
    }

    static String formToken(String page) {
        Matcher matcher = FORM_TOKEN.matcher(page);
        assertThat(matcher.find()).as("the page carries a form token").isTrue();
        return matcher.group(1);
    }
}
