package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.TestAgencies;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class CoverageTest {

    static final String JP = TestAgencies.bearer("JP", "METI");

    private static JsonPath coverage(String from, String to) {
        return given().header("Authorization", JP).queryParam("from", from).queryParam("to", to).when().get("/coverage")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void coverageReflectsPlannedActivitiesWithinThePeriod() {
        assertThat(coverage("2009-02-01", "2009-02-28").getList("uncoveredHighRisk", String.class))
                .contains("TH", "PH", "ID", "VN");

        UUID id = UUID.randomUUID();
        Kafka.sendActivityEvent(Activities.planned(id, 1, "JP", "BILATERAL_CONSULTATION", List.of("TH", "VN"), "2009-02"), "planned");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                !coverage("2009-02-01", "2009-02-28").getList("uncoveredHighRisk", String.class).contains("TH"));
        JsonPath february = coverage("2009-02-01", "2009-02-28");
        assertThat(february.getList("uncoveredHighRisk", String.class)).contains("PH", "ID").doesNotContain("TH", "VN");
        assertThat(february.getList("countries.find { it.country == 'TH' }.plannedActivities", String.class)).containsExactly(id.toString());
        assertThat(february.getList("countries.find { it.country == 'TH' }.unplannedTools.tool", String.class))
                .containsExactly("INDUSTRY_OUTREACH_SEMINAR", "MULTILATERAL_SEMINAR");
        assertThat(coverage("2009-03-01", "2009-03-31").getList("uncoveredHighRisk", String.class)).contains("TH");
        assertThat(coverage("2009-03-01", "2009-03-31").getList("countries.find { it.country == 'TH' }.unplannedTools.tool", String.class))
                .contains("BILATERAL_CONSULTATION");
    }

    @Test
    void aCancelledActivityNoLongerCovers() {
        UUID id = UUID.randomUUID();
        var planned = Activities.planned(id, 1, "US", "OFFICER_TRAINING", List.of("ID"), "2009-05");
        Kafka.sendActivityEvent(planned, "planned");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !coverage("2009-05-01", "2009-05-31").getList("uncoveredHighRisk", String.class).contains("ID"));
        Kafka.sendActivityEvent(Activities.cancelled(planned, 2), "cancelled");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                coverage("2009-05-01", "2009-05-31").getList("uncoveredHighRisk", String.class).contains("ID"));
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStartsOrLacksADate() {
        given().header("Authorization", JP).queryParam("from", "2009-02-01").queryParam("to", "2009-01-01")
                .when().get("/coverage").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"));
        given().header("Authorization", JP).queryParam("to", "2009-01-01")
                .when().get("/coverage").then().statusCode(400).body("errors[0].field", equalTo("from"))
                .body("errors[0].rule", equalTo("required"));
        given().header("Authorization", JP).queryParam("from", "February").queryParam("to", "2009-01-01")
                .when().get("/coverage").then().statusCode(400).body("errors[0].rule", equalTo("date"));
    }
}
