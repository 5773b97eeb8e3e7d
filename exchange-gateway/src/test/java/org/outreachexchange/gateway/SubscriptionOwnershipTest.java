package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.outreachexchange.identity.Role;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class SubscriptionOwnershipTest {

    private static final Map<String, Object> SSE = Map.of("kind", "SCHEDULES", "channel", "SSE");
    private static final String BAD_BODY = "{\"kind\":\"EVERYTHING\",\"channel\":";
    private static final UUID DELIVERY = UUID.randomUUID();

    /** Every operation on one subscription, as {@code (bearer, subscription id)} → answer. */
    private static final List<BiFunction<String, String, Response>> OPERATIONS = List.of(
            (bearer, id) -> as(bearer).get("/subscriptions/" + id),
            (bearer, id) -> as(bearer).contentType("application/json").body(SSE).put("/subscriptions/" + id),
            (bearer, id) -> as(bearer).contentType("application/json").body(BAD_BODY).put("/subscriptions/" + id),
            (bearer, id) -> as(bearer).get("/subscriptions/" + id + "/deliveries"),
            (bearer, id) -> as(bearer).queryParam("status", "NOT-A-STATUS").queryParam("limit", 0).get("/subscriptions/" + id + "/deliveries"),
            (bearer, id) -> as(bearer).get("/subscriptions/" + id + "/dead-letters"),
            (bearer, id) -> as(bearer).post("/subscriptions/" + id + "/dead-letters/" + DELIVERY + "/replay"),
            (bearer, id) -> as(bearer).header("Last-Event-ID", "not-an-id").get("/subscriptions/" + id + "/events"),
            (bearer, id) -> as(bearer).delete("/subscriptions/" + id));

    @Test
    void answersEveryOperationOnAnotherGovernmentsSubscriptionExactlyLikeAnUnknownIdEvenWithABadBody() {
        String id = Subscriptions.create("US", SSE).getString("id");
        assertEveryOperationNotFound(Agencies.bearer("AU"), id);
        assertEveryOperationNotFound(TestAgencies.bearer("AU", "COORDINATION-AU", Set.of(Role.COORDINATOR)), id);
        given().header("Authorization", Agencies.bearer("US")).when().get("/subscriptions/" + id).then().statusCode(200)
                .body("government", equalTo("US"));
    }

    @Test
    void answersEveryOperationOnAnotherAgencysSubscriptionOfTheSameGovernmentLikeAnUnknownId() {
        String id = Subscriptions.create("JP", SSE).getString("id");
        String customs = TestAgencies.bearer("JP", "CUSTOMS-JP", Set.of());
        String otherPlanner = TestAgencies.bearer("JP", "MOFA-JP", Set.of(Role.PLANNER, Role.EVALUATOR));
        assertEveryOperationNotFound(customs, id);
        assertEveryOperationNotFound(otherPlanner, id);
        as(customs).get("/subscriptions?limit=1000").then().statusCode(200).body("id", not(hasItem(id)));
        as(Agencies.bearer("JP")).get("/subscriptions/" + id).then().statusCode(200).body("agency", equalTo("AGENCY-JP"));
    }

    @Test
    void letsACoordinatorOfItsGovernmentReadListChangeAndDeleteAnyAgencysSubscription() {
        String id = Subscriptions.create("AU", Map.of("kind", "SCHEDULES", "channel", "ICAL")).getString("id");
        String coordinator = TestAgencies.bearer("AU", "PMC-AU", Set.of(Role.COORDINATOR));
        as(coordinator).get("/subscriptions/" + id).then().statusCode(200).body("feedUrl", notNullValue());
        as(coordinator).get("/subscriptions?limit=1000").then().statusCode(200).body("id", hasItem(id));
        as(coordinator).contentType("application/json").body(Map.of("kind", "SCHEDULES", "channel", "ICAL", "active", false))
                .put("/subscriptions/" + id).then().statusCode(200).body("active", equalTo(false));
        as(coordinator).delete("/subscriptions/" + id).then().statusCode(204);
        as(Agencies.bearer("AU")).get("/subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void letsAnAgencyWithoutRolesSubscribeForItsOwnGovernmentAndSeeOnlyItsOwnSubscriptions() {
        String customs = TestAgencies.bearer("US", "CBP-US", Set.of());
        String id = as(customs).contentType("application/json").body(SSE).post("/subscriptions").then().statusCode(201)
                .body("government", equalTo("US")).body("agency", equalTo("CBP-US")).extract().path("id");
        List<String> listed = as(customs).get("/subscriptions?limit=1000").then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(listed).containsExactly(id);
    }

    @Test
    void refusesASubscriptionPastItsGovernmentsCapWithAConflictProblem() {
        String coordinator = TestAgencies.bearer("AU", "PMC-AU", Set.of(Role.COORDINATOR));
        String filler = TestAgencies.bearer("AU", "FILLER-AU", Set.of());
        int held = as(coordinator).get("/subscriptions?limit=1000").then().statusCode(200).extract().jsonPath().getList("id").size();
        List<String> created = new ArrayList<>();
        try {
            for (int i = held; i < 200; i++) {
                created.add(as(filler).contentType("application/json").body(SSE).post("/subscriptions")
                        .then().statusCode(201).extract().path("id"));
            }
            as(filler).contentType("application/json").body(SSE).post("/subscriptions").then().statusCode(409)
                    .contentType("application/problem+json").body("title", equalTo("Conflict"));
            Subscriptions.create("US", SSE);
        } finally {
            created.forEach(id -> as(filler).delete("/subscriptions/" + id).then().statusCode(204));
        }
        as(filler).contentType("application/json").body(SSE).post("/subscriptions").then().statusCode(201);
    }

    /** Each operation answers 404 with the body an unknown id gets, the id aside. */
    private static void assertEveryOperationNotFound(String bearer, String id) {
        String unknown = UUID.randomUUID().toString();
        for (BiFunction<String, String, Response> operation : OPERATIONS) {
            Response other = operation.apply(bearer, id);
            Response missing = operation.apply(bearer, unknown);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(other.statusCode()).as(other.asString()).isEqualTo(404);
            assertThat(other.contentType()).isEqualTo(missing.contentType()).startsWith("application/problem+json");
            assertThat(other.asString().replace(id, "ID")).isEqualTo(missing.asString().replace(unknown, "ID"));
        }
    }

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).when();
    }
}
