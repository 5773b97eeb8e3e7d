package org.outreachexchange.scheduling;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.outreachexchange.identity.Role;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.outreachexchange.scheduling.Requests.get;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminar;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminarOnDates;
import static org.outreachexchange.scheduling.Requests.planned;
import static org.outreachexchange.scheduling.Requests.results;

/**
 * The README's role table for the scheduling-service: every agency of the government reads; planners and the
 * coordinator plan; the planners of the creating agency and the coordinator revise, complete and cancel. Whoever may
 * not act hears 403 (or 404 for an unknown activity) before anything about its body, and nothing changes.
 */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "scheduling"), @ResourceArg(name = "chain", value = "JP")})
class RolesTest {

    /** Readable, but breaking rules: an empty title and an unknown country. */
    private static final String BAD_TITLE = "{\"type\":\"BILATERAL_CONSULTATION\",\"title\":\"\",\"recipients\":[\"XY\"],"
            + "\"schedule\":{\"month\":\"2008-03\"}}";

    @Inject
    DataSource dataSource;

    private static RequestSpecification as(String agency, Role... roles) {
        return given().header("Authorization", TestAgencies.bearer("JP", agency, Set.of(roles))).contentType(ContentType.JSON);
    }

    @Test
    void readerMayListAndReadButNotPlan() {
        String id = planned(malaysiaSeminar());
        long before = Tables.count(dataSource, "activity");

        as("CUSTOMS").when().get("/activities").then().statusCode(200);
        as("CUSTOMS").when().get("/activities/" + id).then().statusCode(200).body("id", equalTo(id));
        as("CUSTOMS").body(malaysiaSeminar()).when().post("/activities").then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("planner"));

        assertThat(Tables.count(dataSource, "activity")).isEqualTo(before);
    }

    @Test
    void readerMayNotPlan() {
        as("CUSTOMS", Role.READER).body(malaysiaSeminar()).when().post("/activities").then().statusCode(403);
    }

    @Test
    void evaluatorMayNotPlan() {
        as("MOFA", Role.EVALUATOR).body(malaysiaSeminar()).when().post("/activities").then().statusCode(403);
    }

    @Test
    void plannerRecordsItsAgencyAsCreator() {
        String id = as("METI", Role.PLANNER).body(malaysiaSeminar()).when().post("/activities").then()
                .statusCode(201).body("createdBy", equalTo("METI")).extract().path("id");

        get(id).body("createdBy", equalTo("METI"));
        assertThat(Tables.count(dataSource, "activity", "id = ? AND created_by = 'METI'", UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void coordinatorMayPlanAndIsRecordedAsCreator() {
        as("CABINET", Role.COORDINATOR).body(malaysiaSeminar()).when().post("/activities").then()
                .statusCode(201).body("createdBy", equalTo("CABINET"));
    }

    @Test
    void plannerOfTheCreatingAgencyMayReviseCompleteAndCancel() {
        String id = planned(malaysiaSeminar());
        String other = planned(malaysiaSeminar());

        as("METI", Role.PLANNER).header("If-Match", "\"1\"").body(malaysiaSeminarOnDates()).when().put("/activities/" + id)
                .then().statusCode(200).body("version", equalTo(2));
        as("METI", Role.PLANNER).body(results()).when().post("/activities/" + id + "/completion").then()
                .statusCode(200).body("status", equalTo("COMPLETED"));
        as("METI", Role.PLANNER).body(Map.of("reason", "venue closed")).when().post("/activities/" + other + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void plannerOfAnotherAgencyMayNotRevise() {
        String id = planned(malaysiaSeminar());

        as("MOFA", Role.PLANNER).header("If-Match", "\"1\"").body(malaysiaSeminarOnDates()).when().put("/activities/" + id)
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("METI"));

        get(id).body("version", equalTo(1)).body("schedule.month", equalTo("2008-03"));
    }

    @Test
    void plannerOfAnotherAgencyMayNotComplete() {
        String id = planned(malaysiaSeminarOnDates());

        as("MOFA", Role.PLANNER).body(results()).when().post("/activities/" + id + "/completion").then().statusCode(403);

        get(id).body("status", equalTo("PLANNED")).body("version", equalTo(1));
    }

    @Test
    void plannerOfAnotherAgencyMayNotCancel() {
        String id = planned(malaysiaSeminar());
        long events = Tables.count(dataSource, "outbox_event");

        as("MOFA", Role.PLANNER).body(Map.of("reason", "not ours")).when().post("/activities/" + id + "/cancellation")
                .then().statusCode(403);

        get(id).body("status", equalTo("PLANNED")).body("version", equalTo(1));
        assertThat(Tables.count(dataSource, "outbox_event")).isEqualTo(events);
    }

    @Test
    void creatingAgencyWithoutThePlannerRoleMayNotCancel() {
        String id = planned(malaysiaSeminar());

        as("METI", Role.EVALUATOR).body(Map.of("reason", "no longer a planner")).when()
                .post("/activities/" + id + "/cancellation").then().statusCode(403);

        get(id).body("status", equalTo("PLANNED"));
    }

    @Test
    void coordinatorMayCancelAnyAgencysActivity() {
        String id = planned(malaysiaSeminar());

        as("CABINET", Role.COORDINATOR).body(Map.of("reason", "merged into the Asia seminar")).when()
                .post("/activities/" + id + "/cancellation").then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("createdBy", equalTo("METI"));
    }

    @Test
    void coordinatorMayReviseAndCompleteAnyAgencysActivity() {
        String id = planned(malaysiaSeminar());

        as("CABINET", Role.COORDINATOR).header("If-Match", "\"1\"").body(malaysiaSeminarOnDates()).when()
                .put("/activities/" + id).then().statusCode(200);
        as("CABINET", Role.COORDINATOR).body(results()).when().post("/activities/" + id + "/completion").then()
                .statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void onlyTheCoordinatorMayChangeAnActivityPlannedBeforeAgenciesWereRecorded() throws SQLException {
        String id = planned(malaysiaSeminar());
        forgetCreator(id);

        as("METI", Role.PLANNER).body(Map.of("reason", "ours?")).when().post("/activities/" + id + "/cancellation")
                .then().statusCode(403);
        as("CABINET", Role.COORDINATOR).body(Map.of("reason", "coordinated")).when()
                .post("/activities/" + id + "/cancellation").then().statusCode(200);
    }

    @Test
    void anotherGovernmentsCoordinatorIsRefusedEverywhere() {
        String id = planned(malaysiaSeminar());
        RequestSpecification us = given().header("Authorization", TestAgencies.bearer("US", "NSC", Set.of(Role.COORDINATOR)))
                .contentType(ContentType.JSON);

        us.when().get("/activities").then().statusCode(403);
        us.when().get("/activities/" + id).then().statusCode(403);
        us.body(malaysiaSeminar()).when().post("/activities").then().statusCode(403);
        us.body(Map.of("reason", "not theirs")).when().post("/activities/" + id + "/cancellation").then().statusCode(403);

        get(id).body("status", equalTo("PLANNED"));
    }

    @Test
    void refusesRoleBeforeValidatingTheBody() {
        String id = planned(malaysiaSeminar());

        as("CUSTOMS").body(BAD_TITLE).when().post("/activities").then().statusCode(403);
        as("CUSTOMS").body("{\"title\": ").when().post("/activities").then().statusCode(403);
        as("CUSTOMS").header("Idempotency-Key", " ").body("{\"title\":\"a\\u0000b\"}").when().post("/activities").then()
                .statusCode(403);
        as("MOFA", Role.PLANNER).header("If-Match", "\"1\"").body(BAD_TITLE).when().put("/activities/" + id).then()
                .statusCode(403);
        as("MOFA", Role.PLANNER).body("{\"title\": ").when().put("/activities/" + id).then()
                .statusCode(403).body(not(containsString("If-Match")));
        as("MOFA", Role.PLANNER).header("If-Match", "garbage").body("{}").when().post("/activities/" + id + "/completion")
                .then().statusCode(403);
        as("MOFA", Role.PLANNER).body("{\"reason\": 7}").when().post("/activities/" + id + "/cancellation").then()
                .statusCode(403);

        get(id).body("version", equalTo(1)).body("status", equalTo("PLANNED"));
    }

    @Test
    void answersNotFoundBeforeValidatingTheBodyOfAnUnknownActivity() {
        String unknown = UUID.randomUUID().toString();

        as("METI", Role.PLANNER).header("If-Match", "\"1\"").body(BAD_TITLE).when().put("/activities/" + unknown).then()
                .statusCode(404).contentType("application/problem+json");
        as("CUSTOMS").body("{\"reason\": ").when().post("/activities/" + unknown + "/cancellation").then().statusCode(404);
    }

    @Test
    void entitledCallerStillHearsWhatIsWrongWithItsBody() {
        String id = planned(malaysiaSeminar());

        as("METI", Role.PLANNER).header("If-Match", "\"1\"").body(BAD_TITLE).when().put("/activities/" + id).then()
                .statusCode(400).body("errors.field", hasItem("title")).body("errors.field", hasItem("recipients[0]"));
    }

    private void forgetCreator(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE activity SET created_by = NULL WHERE id = ?")) {
            update.setObject(1, UUID.fromString(id));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
