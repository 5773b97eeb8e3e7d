package org.outreachexchange.gateway;

import io.restassured.path.json.JsonPath;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Creates subscriptions over the REST API, as a partner agency would. */
final class Subscriptions {

    private Subscriptions() {
    }

    static JsonPath create(String government, Map<String, Object> body) {
        return given().header("Authorization", Agencies.bearer(government)).contentType("application/json").body(body)
                .when().post("/subscriptions")
                .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath webhook(String government, String kind, String url, Map<String, Object> filters) {
        return create(government, Map.of("kind", kind, "channel", "WEBHOOK", "url", url, "filters", filters));
    }
}
