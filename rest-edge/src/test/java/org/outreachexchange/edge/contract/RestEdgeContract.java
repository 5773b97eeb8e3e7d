package org.outreachexchange.edge.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The REST edge's contract, run by every service against itself (a {@code @QuarkusTest} subclass names a few of its own
 * endpoints): the same problem shape, titles and rule names, 404 for an id that is not even a UUID, an incident id
 * instead of a stack trace when something breaks, and a problem (never a failure) for hostile input: control
 * characters, a body over the size limit, JSON nested or numbers written past what any request needs.
 */
public abstract class RestEdgeContract {

    private final String bearer;
    private final String idPathPrefix;
    private final String postPath;
    private final String bodyWithUnknownEnumValue;
    private final String unknownEnumField;
    private final String textField;

    /**
     * @param bearer                   {@code Authorization} header value of an agency allowed to call the service
     * @param idPathPrefix             a GET path that ends with an id, without the id (e.g. {@code /activities/})
     * @param postPath                 a POST path that takes a JSON body
     * @param bodyWithUnknownEnumValue a body for it with one field holding a value its enum does not know
     * @param unknownEnumField         that field's JSON path in the problem's {@code errors}
     * @param textField                a top-level text field of that body
     */
    protected RestEdgeContract(String bearer, String idPathPrefix, String postPath, String bodyWithUnknownEnumValue,
                               String unknownEnumField, String textField) {
        this.bearer = bearer;
        this.idPathPrefix = idPathPrefix;
        this.postPath = postPath;
        this.bodyWithUnknownEnumValue = bodyWithUnknownEnumValue;
        this.unknownEnumField = unknownEnumField;
        this.textField = textField;
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

    @Test
    void controlCharactersInTextAreRefusedNamingTheFieldAndRule() {
        given().header("Authorization", bearer).contentType(ContentType.JSON).body(bodyWithText("a\u0000b")).when().post(postPath)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(textField)).body("errors[0].rule", equalTo("control-characters"));
        given().header("Authorization", bearer).when().get(path("%00")).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aBodyOverTheSizeLimitIsAProblem() {
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"" + textField + "\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}").when().post(postPath)
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void deeplyNestedJsonAndOverlongNumbersAreBadRequests() {
        String nested = "{\"" + textField + "\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        given().header("Authorization", bearer).contentType(ContentType.JSON).body(nested).when().post(postPath)
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"" + textField + "\":" + "9".repeat(5000) + "}").when().post(postPath)
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** The enum probe's body with {@code textField} first, holding {@code text}, so it is the first thing refused. */
    private String bodyWithText(String text) {
        ObjectMapper json = new ObjectMapper();
        try {
            ObjectNode body = json.createObjectNode().put(textField, text);
            json.readTree(bodyWithUnknownEnumValue).fields().forEachRemaining(f -> {
                if (!f.getKey().equals(textField)) {
                    body.set(f.getKey(), f.getValue());
                }
            });
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
