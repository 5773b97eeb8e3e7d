package org.outreachexchange.evaluation;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** REST calls on /proposals for tests. */
final class Proposals {

    private Proposals() {
    }

    /** Waits until the FINDINGS proposal of {@code activityId} is there, as {@code token}'s government (entitled) sees it. */
    static String awaitFindingsOf(String token, String activityId) {
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> found = given().header("Authorization", token).queryParam("kind", "FINDINGS")
                    .when().get("/proposals").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.activity != null && it.activity.activityId == '" + activityId + "' }");
            if (found.isEmpty()) {
                return false;
            }
            id.set(found.get(0).get("id").toString());
            return true;
        });
        return id.get();
    }

    /** How many FINDINGS proposals {@code token}'s government (entitled) sees for {@code activityId}. */
    static int findingsCountOf(String token, String activityId) {
        return given().header("Authorization", token).queryParam("kind", "FINDINGS").when().get("/proposals").then()
                .statusCode(200).extract().jsonPath()
                .getList("findAll { it.activity != null && it.activity.activityId == '" + activityId + "' }").size();
    }

    static JsonPath concur(String token, String proposalId) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of())
                .when().post("/proposals/" + proposalId + "/concurrences").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath get(String token, String proposalId) {
        return given().header("Authorization", token).when().get("/proposals/" + proposalId).then().statusCode(200)
                .extract().jsonPath();
    }
}
