package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class SubscriptionApiTest {

    @TestHTTPResource(value = "health", management = true)
    URI health;
    @TestHTTPResource(value = "metrics", management = true)
    URI metrics;
    @TestHTTPResource(value = "openapi", management = true)
    URI openapi;
    @TestHTTPResource(value = "swagger-ui/", management = true)
    URI swaggerUi;

    private static final Map<String, Object> SSE_SCHEDULES = Map.of("kind", "SCHEDULES", "channel", "SSE");

    @Test
    void refusesARequestWithoutAToken() {
        given().when().get("/subscriptions").then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void refusesATokenOfAnUntrustedGovernment() {
        given().header("Authorization", TestAgencies.bearer(TestAgencies.STRANGER, "X")).when().get("/schedule")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void returnsTheWebhookSecretOnlyWhenTheSubscriptionIsCreated() {
        String id = Subscriptions.webhook("JP", "NOTICES", "http://127.0.0.1:9/hook", Map.of()).getString("id");
        given().header("Authorization", Agencies.bearer("JP")).when().get("/subscriptions/" + id)
                .then().statusCode(200).body("secret", nullValue()).body("url", equalTo("http://127.0.0.1:9/hook"));
    }

    @Test
    void updatesAndDeletesItsOwnSubscription() {
        String id = Subscriptions.create("AU", SSE_SCHEDULES).getString("id");
        String bearer = Agencies.bearer("AU");
        given().header("Authorization", bearer).contentType("application/json")
                .body(Map.of("kind", "SCHEDULES", "channel", "SSE", "filters", Map.of("governments", List.of("JP")), "active", false))
                .when().put("/subscriptions/" + id).then().statusCode(200)
                .body("filters.governments", equalTo(List.of("JP"))).body("active", equalTo(false));
        given().header("Authorization", bearer).when().delete("/subscriptions/" + id).then().statusCode(204);
        given().header("Authorization", bearer).when().get("/subscriptions/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://partner.example/hook", "http://10.1.2.3/hook", "http://169.254.169.254/latest", "http://[::1]/hook",
            "http://192.168.0.10/hook", "not a url", "https:///nohost"})
    void rejectsWebhookUrlsThatAreNotHttpOrPointInside(String url) {
        int before = subscriptionCount("JP");
        given().header("Authorization", Agencies.bearer("JP")).contentType("application/json")
                .body(Map.of("kind", "SCHEDULES", "channel", "WEBHOOK", "url", url))
                .when().post("/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url")).body("detail", containsString("url"));
        assertThat(subscriptionCount("JP")).as("nothing was created").isEqualTo(before);
    }

    @Test
    void rejectsASubscriptionWithoutKindAndChannelNamingBothFields() {
        given().header("Authorization", Agencies.bearer("JP")).contentType("application/json").body("{}")
                .when().post("/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("channel", "kind"))).body("errors.rule", equalTo(List.of("required", "required")));
    }

    @Test
    void rejectsUnknownEnumValuesMalformedJsonAndBadFilters() {
        String bearer = Agencies.bearer("JP");
        given().header("Authorization", bearer).contentType("application/json").body("{\"kind\":\"EVERYTHING\",\"channel\":\"SSE\"}")
                .when().post("/subscriptions").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().header("Authorization", bearer).contentType("application/json").body("{\"kind\":")
                .when().post("/subscriptions").then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        given().header("Authorization", bearer).contentType("application/json")
                .body(Map.of("kind", "SCHEDULES", "channel", "SSE", "filters", Map.of("recipients", List.of("malaysia"))))
                .when().post("/subscriptions").then().statusCode(400).body("errors[0].field", equalTo("filters.recipients[0]"))
                .body("errors[0].rule", equalTo("pattern"));
        given().header("Authorization", bearer).contentType("application/json")
                .body(Map.of("kind", "SCHEDULES", "channel", "SSE", "filters", Map.of("governments", List.of("XX"))))
                .when().post("/subscriptions").then().statusCode(400).body("errors[0].field", equalTo("filters.governments[0]"))
                .body("errors[0].rule", equalTo("trusted-partner"));
        given().header("Authorization", bearer).contentType("application/json").body(Map.of("kind", "REEVALUATIONS", "channel", "ICAL"))
                .when().post("/subscriptions").then().statusCode(400).body("errors[0].field", equalTo("channel"));
        given().header("Authorization", bearer).contentType("application/json")
                .body(Map.of("kind", "SCHEDULES", "channel", "SSE", "url", "https://partner.example/hook"))
                .when().post("/subscriptions").then().statusCode(400).body("errors[0].field", equalTo("url"))
                .body("errors[0].rule", equalTo("webhook-only"));
    }

    @Test
    void rejectsBadQueryParametersNamingThem() {
        String bearer = Agencies.bearer("US");
        given().header("Authorization", bearer).queryParam("from", "yesterday").when().get("/schedule")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().header("Authorization", bearer).queryParam("compliance", "GOOD").when().get("/schedule")
                .then().statusCode(400).body("errors[0].field", equalTo("compliance"));
        given().header("Authorization", bearer).queryParam("recipient", "Malaysia").when().get("/schedule")
                .then().statusCode(400).body("errors[0].field", equalTo("recipient"));
        given().header("Authorization", bearer).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31").when().get("/compliance")
                .then().statusCode(400).body("errors[0].field", equalTo("government")).body("errors[0].rule", equalTo("required"));
        given().header("Authorization", bearer).when().get("/subscriptions/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void refusesOversizedBodies() {
        String huge = "{\"kind\":\"SCHEDULES\",\"channel\":\"SSE\",\"pad\":\"" + "x".repeat(300 * 1024) + "\"}";
        given().header("Authorization", Agencies.bearer("JP")).contentType("application/json").body(huge)
                .when().post("/subscriptions").then().statusCode(413);
    }

    @Test
    void servesHealthMetricsAndTheOpenApiDocumentOnTheManagementInterfaceOnly() {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get(health).then().statusCode(200).body("status", equalTo("UP"));
        // A request of its own, so the HTTP metric exists whichever test of the class ran first.
        subscriptionCount("JP");
        given().when().get(metrics).then().statusCode(200).body(containsString("http_server_requests"));
        given().queryParam("format", "json").when().get(openapi).then().statusCode(200)
                .body("paths.keySet()", hasItem("/subscriptions/{id}/dead-letters/{deliveryId}/replay"));
        given().when().get(swaggerUi).then().statusCode(200);
        given().when().get("/schemas/notice-event.schema.json").then().statusCode(200).body("title", containsString("Notice event"));
    }

    private static int subscriptionCount(String government) {
        return given().header("Authorization", Agencies.bearer(government)).queryParam("limit", 1000).when().get("/subscriptions")
                .then().statusCode(200).extract().jsonPath().getList("").size();
    }
}
