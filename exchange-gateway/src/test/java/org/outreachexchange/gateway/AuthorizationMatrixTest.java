package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.AuthorizationMatrix;
import org.outreachexchange.infra.AuthorizationMatrix.Caller;
import org.outreachexchange.infra.AuthorizationMatrix.Request;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;
import org.outreachexchange.infra.WebhookReceiver;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.outreachexchange.infra.AuthorizationMatrix.Caller.COORDINATOR;
import static org.outreachexchange.infra.AuthorizationMatrix.Caller.OTHER_AGENCY_COORDINATOR;
import static org.outreachexchange.infra.AuthorizationMatrix.Caller.OTHER_AGENCY_PLANNER;
import static org.outreachexchange.infra.AuthorizationMatrix.Caller.OTHER_GOVERNMENT;
import static org.outreachexchange.infra.AuthorizationMatrix.Caller.PLANNER;
import static org.outreachexchange.infra.AuthorizationMatrix.Caller.ownAgency;

/**
 * The README's role table for the gateway: every operation of its OpenAPI document crossed with METI (agency A of
 * Japan) as reader, planner, evaluator and coordinator, MOFA (agency B) as planner and coordinator, a U.S. agency with
 * every role, no token, an expired token and a token signed by an untrusted key. Subscriptions belong to the agency
 * that created them (METI here): another agency's planner and another government get 404, the very answer an unknown
 * id gets. Every cell that deletes one or opens its stream acts on a subscription of its own, every replay on a dead
 * letter of its own. The notice and acknowledgement rows act on an Australian activity shared with every partner.
 */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class AuthorizationMatrixTest {

    /** A recipient (the Cook Islands) no other test plans for or filters on, so no other test sees these activities. */
    private static final String RECIPIENT = "CK";
    private static final Map<String, Object> SSE_SCHEDULES = Map.of("kind", "SCHEDULES", "channel", "SSE");
    private static final Pattern FEED_TOKEN = Pattern.compile("/feeds/([^/?]+)\\.ics");

    @TestHTTPResource("/")
    URL service;
    /** Its management interface serves the OpenAPI document. */
    @TestHTTPResource(value = "openapi", management = true)
    URI openapi;

    private final AuthorizationMatrix matrix = AuthorizationMatrix.of("JP", "METI", "MOFA", "US", "DOC");
    /** What this test subscribed, unsubscribed at the end so that no other test counts it against a cap. */
    private final List<String> created = new ArrayList<>();

    @Test
    void everyOperationAnswersEachCallerAsTheRoleTableSays() throws Exception {
        try (WebhookReceiver failing = new WebhookReceiver()) {
            failing.respond("/dead", (webhookId, attempt) -> new WebhookReceiver.Answer(500, Duration.ZERO, null));
            String dead = subscription(Map.of("kind", "SCHEDULES", "channel", "WEBHOOK", "url", failing.url("/dead"),
                    "filters", Map.of("recipients", List.of(RECIPIENT))));
            Queue<String> deadLetters = deadLetters(dead, Caller.values().length);
            ActivityEvents.Draft shared = sharedAustralianActivity();
            String stream = subscription(SSE_SCHEDULES);
            String feed = feedToken();

            // What is shared with a government: every agency of every partner reads it.
            matrix.row("GET /schedule").request(Request::plain).otherwise(200);
            matrix.row("GET /compliance").request(() -> Request.plain().query("government", "AU")
                    .query("from", "2008-01-01").query("to", "2030-12-31")).otherwise(200);
            matrix.row("GET /advisories").request(Request::plain).otherwise(200);
            matrix.row("GET /exchange-log").request(Request::plain).otherwise(200);
            matrix.row("GET /activities/{id}/notice").request(() -> Request.with("id", shared.id)).otherwise(200);

            // Acknowledging a partner's notice: planners and coordinators, for their own government.
            matrix.row("POST /activities/{id}/acknowledgements")
                    .request(() -> Request.with("id", shared.id).json(Map.of("verdict", "CONCUR")))
                    .invalidBody(() -> Request.with("id", shared.id).json(Map.of("verdict", "CONCERN")))
                    .expect(200, PLANNER, COORDINATOR, OTHER_AGENCY_PLANNER, OTHER_AGENCY_COORDINATOR, OTHER_GOVERNMENT)
                    .otherwise(403);

            // Suggesting a change to a partner's activity: its planners and coordinators, for their own government.
            matrix.row("GET /activities/{id}/suggestions").request(() -> Request.with("id", shared.id)).otherwise(200);
            matrix.row("POST /activities/{id}/suggestions")
                    .request(() -> Request.with("id", shared.id).json(Map.of("kind", "AGENDA_ITEM", "text", "Catch-all controls")))
                    .invalidBody(() -> Request.with("id", shared.id).json(Map.of("kind", "OBJECTIVE", "text", "ICP")))
                    .expect(201, PLANNER, COORDINATOR, OTHER_AGENCY_PLANNER, OTHER_AGENCY_COORDINATOR, OTHER_GOVERNMENT)
                    .otherwise(403);
            // Answering one: planners and coordinators of the organizer's government (Japan here), each on a suggestion of its own.
            ActivityEvents.Draft japanese = sharedActivity("JP", "METI");
            matrix.row("POST /activities/{id}/suggestions/{suggestionId}/answer")
                    .request(() -> Request.with("id", japanese.id).and("suggestionId", suggestionOn(japanese))
                            .json(Map.of("decision", "ACCEPT")))
                    .invalidBody(() -> Request.with("id", japanese.id).and("suggestionId", suggestionOn(japanese)).json(Map.of()))
                    .expect(200, PLANNER, COORDINATOR, OTHER_AGENCY_PLANNER, OTHER_AGENCY_COORDINATOR)
                    .otherwise(403);

            // Any agency asks for a one-time console sign-in link for itself.
            matrix.row("POST /console-sign-in-links").request(Request::plain).otherwise(201);

            // Any agency subscribes its own government.
            matrix.row("POST /subscriptions").request(() -> Request.plain().json(SSE_SCHEDULES))
                    .invalidBody(() -> Request.plain().json(Map.of("kind", "SCHEDULES", "channel", "WEBHOOK")))
                    .otherwise(201);
            matrix.row("GET /subscriptions").request(Request::plain).otherwise(200);
            matrix.row("GET /subscriptions/options").request(Request::plain).otherwise(200);
            matrix.row("GET /partners").request(Request::plain).otherwise(200);

            // A subscription is its agency's and its government's coordinator's; anyone else cannot see it.
            mine("GET /subscriptions/{id}", 200).request(() -> Request.with("id", stream))
                    .unknownTarget(() -> Request.with("id", UUID.randomUUID()));
            mine("PUT /subscriptions/{id}", 200).request(() -> Request.with("id", stream).json(SSE_SCHEDULES))
                    .invalidBody(() -> Request.with("id", stream).json(Map.of("kind", "SCHEDULES")))
                    .unknownTarget(() -> Request.with("id", UUID.randomUUID()).json(SSE_SCHEDULES));
            mine("DELETE /subscriptions/{id}", 204).request(() -> Request.with("id", subscription(SSE_SCHEDULES)))
                    .unknownTarget(() -> Request.with("id", UUID.randomUUID()));
            mine("GET /subscriptions/{id}/deliveries", 200).request(() -> Request.with("id", dead))
                    .unknownTarget(() -> Request.with("id", UUID.randomUUID()));
            mine("GET /subscriptions/{id}/dead-letters", 200).request(() -> Request.with("id", dead))
                    .unknownTarget(() -> Request.with("id", UUID.randomUUID()));
            mine("POST /subscriptions/{id}/dead-letters/{deliveryId}/replay", 202)
                    .request(() -> Request.with("id", dead).and("deliveryId", deadLetters.remove()))
                    .unknownTarget(() -> Request.with("id", UUID.randomUUID()).and("deliveryId", UUID.randomUUID()));
            mine("GET /subscriptions/{id}/events", 200)
                    .request(() -> Request.with("id", subscription(SSE_SCHEDULES)).header("Accept", "text/event-stream"))
                    .unknownTarget(() -> Request.with("id", UUID.randomUUID()).header("Accept", "text/event-stream"));

            // The iCalendar feed answers its secret link alone; a bearer token, good or bad, changes nothing.
            matrix.row("GET /feeds/{token}.ics").request(() -> Request.with("token", feed)).expect(200, Caller.values());

            // The REST edge contract's fixture (RestEdgeTest), in the application only under test: public, fails as a bug would.
            matrix.row("GET /rest-edge-contract/unexpected").request(Request::plain).expect(500, Caller.values());

            matrix.verify(service.toURI(), openapi);
        } finally {
            created.forEach(id -> given().header("Authorization", matrix.bearer(Caller.READER)).delete("/subscriptions/" + id));
        }
    }

    /** A row on a subscription of METI's: {@code status} for its agency and any coordinator of Japan, else 404. */
    private AuthorizationMatrix.Row mine(String operation, int status) {
        return matrix.row(operation).expect(status, ownAgency()).expect(status, OTHER_AGENCY_COORDINATOR).otherwise(404);
    }

    /** A subscription created by METI (as a reader: any agency may subscribe); its id. */
    private String subscription(Map<String, Object> body) {
        String id = given().header("Authorization", matrix.bearer(Caller.READER)).contentType("application/json").body(body)
                .when().post("/subscriptions").then().statusCode(201).extract().path("id");
        created.add(id);
        return id;
    }

    /** The secret of a METI iCalendar feed. */
    private String feedToken() {
        var subscription = given().header("Authorization", matrix.bearer(Caller.READER)).contentType("application/json")
                .body(Map.of("kind", "SCHEDULES", "channel", "ICAL", "filters", Map.of("recipients", List.of(RECIPIENT))))
                .when().post("/subscriptions").then().statusCode(201).extract();
        created.add(subscription.path("id"));
        String url = subscription.path("feedUrl");
        Matcher token = FEED_TOKEN.matcher(url);
        assertThat(token.find()).as("feed URL %s", url).isTrue();
        return token.group(1);
    }

    /** {@code count} dead letters of subscription {@code id}, from Australian activities its endpoint always fails. */
    private Queue<String> deadLetters(String id, int count) {
        for (int i = 0; i < count; i++) {
            ActivityEvents.publish(new ActivityEvents.Draft("AU", RECIPIENT, 60 + i), "planned");
        }
        Queue<String> ids = new ConcurrentLinkedQueue<>();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            List<String> dead = given().header("Authorization", matrix.bearer(Caller.READER))
                    .when().get("/subscriptions/" + id + "/dead-letters").then().statusCode(200).extract().path("id");
            assertThat(dead).hasSizeGreaterThanOrEqualTo(count);
            ids.clear();
            ids.addAll(new ArrayList<>(dead));
        });
        return ids;
    }

    /** An Australian activity shared with every partner, once the gateway has it. */
    private ActivityEvents.Draft sharedAustralianActivity() {
        return sharedActivity("AU", "DFAT");
    }

    /** An activity of {@code government} shared with every partner, once the gateway has it. */
    private ActivityEvents.Draft sharedActivity(String government, String agency) {
        ActivityEvents.Draft activity = new ActivityEvents.Draft(government, RECIPIENT, 90);
        ActivityEvents.publish(activity, "planned");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .header("Authorization", TestAgencies.bearer(government, agency)).when().get("/activities/" + activity.id + "/notice")
                .then().statusCode(200));
        return activity;
    }

    /** An open suggestion by Australia on the activity; its id. */
    private static String suggestionOn(ActivityEvents.Draft activity) {
        return given().header("Authorization", TestAgencies.bearer("AU", "DFAT")).contentType("application/json")
                .body(Map.of("kind", "AGENDA_ITEM", "text", "Transit controls")).when()
                .post("/activities/" + activity.id + "/suggestions").then().statusCode(201).extract().path("id");
    }
}
