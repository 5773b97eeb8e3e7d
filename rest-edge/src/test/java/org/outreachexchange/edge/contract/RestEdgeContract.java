package org.outreachexchange.edge.contract;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The REST edge's contract, run by every service against itself (a {@code @QuarkusTest} subclass names a few of its own
 * endpoints): the same problem shape, titles and rule names, 404 for an id that is not even a UUID, and an incident
 * id instead of a stack trace when something breaks.
 */
public abstract class RestEdgeContract {

    private final String bearer;
    private final String idPathPrefix;
    private final String postPath;
    private final String bodyWithUnknownEnumValue;
    private final String unknownEnumField;

    /**
     * @param bearer                   {@code Authorization} header value of an agency allowed to call the service
     * @param idPathPrefix             a GET path that ends with an id, without the id (e.g. {@code /activities/})
     * @param postPath                 a POST path that takes a JSON body
     * @param bodyWithUnknownEnumValue a body for it with one field holding a value its enum does not know
     * @param unknownEnumField         that field's JSON path in the problem's {@code errors}
     */
    protected RestEdgeContract(String bearer, String idPathPrefix, String postPath, String bodyWithUnknownEnumValue,
                               String unknownEnumField) {
        this.bearer = bearer;
        this.idPathPrefix = idPathPrefix;
        this.postPath = postPath;
        this.bodyWithUnknownEnumValue = bodyWithUnknownEnumValue;
        this.unknownEnumField = unknownEnumField;
    }

    private String path(String id) {
        return idPathPrefix + id;
    }

    @Test
    void anIdThatIsNotAUuidIsNotFound() {
        given().header("Authorization", bearer).when().get(path("not-a-uuid")).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("about:blank")).body("title", equalTo("Not Found"))
                .body("status", equalTo(404)).body("instance", equalTo(path("not-a-uuid")));
        given().header("Authorization", bearer).when().get(path(UUID.randomUUID().toString())).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aRequestWithoutATokenIsUnauthorizedAndSaysHowToAuthenticate() {
        given().when().get(path(UUID.randomUUID().toString())).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer").body("title", equalTo("Unauthorized"));
    }

    @Test
    void malformedJsonAndUnknownEnumValuesAreBadRequestsNamingFieldAndRule() {
        given().header("Authorization", bearer).contentType(ContentType.JSON).body("{\"title\": ").when().post(postPath)
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Bad Request"))
                .body("errors[0].field", equalTo("body")).body("errors[0].rule", equalTo("json"));
        given().header("Authorization", bearer).contentType(ContentType.JSON).body(bodyWithUnknownEnumValue).when().post(postPath)
                .then().statusCode(400).body("errors[0].field", equalTo(unknownEnumField)).body("errors[0].rule", equalTo("enum"));
    }

    @Test
    void anUnknownRouteAndAWrongMethodAreProblemsToo() {
        given().header("Authorization", bearer).when().get("/no-such-route").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", bearer).when().delete(postPath).then().statusCode(405)
                .contentType("application/problem+json").body("title", equalTo("Method Not Allowed"));
    }

    @Test
    void anUnexpectedFailureAnswersWithAnIncidentIdAndNoInternals() {
        given().when().get("/rest-edge-contract/unexpected").then().statusCode(500)
                .contentType("application/problem+json").body("title", equalTo("Internal Server Error"))
                .body("$", hasKey("incident")).body("incident", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"))
                .body("detail", containsString("incident")).body("detail", not(containsString("bug")))
                .body("detail", not(startsWith("java.")));
    }
}
