package org.outreachexchange.scheduling;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.outreachexchange.infra.TestAgencies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Request bodies modelled on Annex II, and calls made as an agency of Japan (METI). */
final class Requests {

    private Requests() {
    }

    static RequestSpecification asMeti() {
        return given().header("Authorization", TestAgencies.bearer("JP", "METI")).contentType(ContentType.JSON);
    }

    /** Annex II: an industrial outreach seminar for Malaysia, known to the month. */
    static Map<String, Object> malaysiaSeminar() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "INDUSTRY_OUTREACH_SEMINAR");
        body.put("title", "Industrial outreach seminar in Malaysia");
        body.put("recipients", new ArrayList<>(List.of("MY")));
        body.put("schedule", new LinkedHashMap<>(Map.of("month", "2008-03")));
        body.put("location", "Kuala Lumpur");
        body.put("agenda", new ArrayList<>(List.of("Export control laws of Malaysia", "Internal compliance programmes")));
        body.put("objectives", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of(
                "element", "INDUSTRY_COOPERATION", "text", "Bring exporters into the new control system")))));
        body.put("distribution", new LinkedHashMap<>(Map.of("scope", "ALL_PARTNERS", "governments", new ArrayList<>())));
        return body;
    }

    /** The same seminar with its dates fixed. */
    static Map<String, Object> malaysiaSeminarOnDates() {
        Map<String, Object> body = malaysiaSeminar();
        body.put("schedule", new LinkedHashMap<>(Map.of("start", "2008-03-11", "end", "2008-03-12")));
        return body;
    }

    static Map<String, Object> results() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summary", "120 exporters attended; the new Strategic Trade Act was explained");
        body.put("participants", List.of("MITI Malaysia", "FMM"));
        body.put("completedOn", "2008-03-12");
        body.put("findings", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("country", "MY", "element", "LAWS_REGULATIONS",
                "assessment", "SUFFICIENT", "evidence", "Strategic Trade Act passed by parliament")))));
        return body;
    }

    static ValidatableResponse plan(Map<String, Object> body) {
        return asMeti().body(body).when().post("/activities").then();
    }

    /** Plans the body and returns the new activity's id. */
    static String planned(Map<String, Object> body) {
        return plan(body).statusCode(201).extract().path("id");
    }

    static ValidatableResponse get(String id) {
        return asMeti().when().get("/activities/" + id).then();
    }

    static ValidatableResponse revise(String id, String ifMatch, Map<String, Object> body) {
        return asMeti().header("If-Match", ifMatch).body(body).when().put("/activities/" + id).then();
    }

    static ValidatableResponse complete(String id, Map<String, Object> results) {
        return asMeti().body(results).when().post("/activities/" + id + "/completion").then();
    }

    static ValidatableResponse cancel(String id, String reason) {
        return asMeti().body(Map.of("reason", reason)).when().post("/activities/" + id + "/cancellation").then();
    }
}
