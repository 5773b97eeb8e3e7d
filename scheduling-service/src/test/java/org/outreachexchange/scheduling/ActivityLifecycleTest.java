package org.outreachexchange.scheduling;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.outreachexchange.scheduling.Requests.asMeti;
import static org.outreachexchange.scheduling.Requests.cancel;
import static org.outreachexchange.scheduling.Requests.complete;
import static org.outreachexchange.scheduling.Requests.get;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminar;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminarOnDates;
import static org.outreachexchange.scheduling.Requests.plan;
import static org.outreachexchange.scheduling.Requests.planned;
import static org.outreachexchange.scheduling.Requests.results;
import static org.outreachexchange.scheduling.Requests.revise;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "scheduling"), @ResourceArg(name = "chain", value = "JP")})
class ActivityLifecycleTest {

    @Test
    void plansAnActivityOrganizedByItsOwnGovernmentWithLocationAndETag() {
        var created = plan(malaysiaSeminar())
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("organizer", equalTo("JP"))
                .body("status", equalTo("PLANNED"))
                .body("version", equalTo(1))
                .body("schedule.precision", equalTo("MONTH"))
                .body("schedule.month", equalTo("2008-03"))
                .body("distribution.scope", equalTo("ALL_PARTNERS"))
                .extract();
        String id = created.path("id");

        assertThat(created.header("Location")).endsWith("/activities/" + id);
        get(id).statusCode(200).header("ETag", "\"1\"").body("title", equalTo("Industrial outreach seminar in Malaysia"))
                .body("agenda", hasSize(2)).body("objectives[0].element", equalTo("INDUSTRY_COOPERATION"));
    }

    @Test
    void revisionNarrowsAMonthToDatesAndRaisesTheVersion() {
        String id = planned(malaysiaSeminar());

        revise(id, "\"1\"", malaysiaSeminarOnDates())
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("schedule.precision", equalTo("DATES"))
                .body("schedule.start", equalTo("2008-03-11"))
                .body("schedule.month", nullValue());
    }

    @Test
    void refusesARevisionWithAStaleIfMatchAndKeepsTheActivity() {
        String id = planned(malaysiaSeminar());
        revise(id, "\"1\"", malaysiaSeminarOnDates()).statusCode(200);
        Map<String, Object> late = malaysiaSeminar();
        late.put("title", "A revision made on an old copy");

        revise(id, "\"1\"", late).statusCode(412).contentType("application/problem+json").body("status", equalTo(412));

        get(id).body("version", equalTo(2)).body("title", equalTo("Industrial outreach seminar in Malaysia"));
    }

    @Test
    void letsOnlyOneOfTwoConcurrentRevisionsOfTheSameVersionThrough() throws Exception {
        String id = planned(malaysiaSeminar());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> revisions = List.of(
                    () -> revise(id, "\"1\"", malaysiaSeminarOnDates()).extract().statusCode(),
                    () -> revise(id, "\"1\"", malaysiaSeminarOnDates()).extract().statusCode());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(revisions)) {
                statuses.add(status.get());
            }

            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
        get(id).body("version", equalTo(2));
    }

    @Test
    void requiresIfMatchToRevise() {
        String id = planned(malaysiaSeminar());

        asMeti().body(malaysiaSeminarOnDates()).when().put("/activities/" + id)
                .then().statusCode(428).contentType("application/problem+json");

        get(id).body("version", equalTo(1));
    }

    @Test
    void completesAPlannedActivityWithExactDatesAndItsFindings() {
        String id = planned(malaysiaSeminarOnDates());

        complete(id, results())
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("status", equalTo("COMPLETED"))
                .body("results.completedOn", equalTo("2008-03-12"))
                .body("results.findings[0].country", equalTo("MY"))
                .body("results.findings[0].element", equalTo("LAWS_REGULATIONS"))
                .body("results.findings[0].assessment", equalTo("SUFFICIENT"));
    }

    @Test
    void refusesToCompleteAnActivityKnownOnlyToTheMonth() {
        String id = planned(malaysiaSeminar());

        complete(id, results()).statusCode(409).contentType("application/problem+json");
        complete(id, Map.of("summary", "")).statusCode(409);

        get(id).body("status", equalTo("PLANNED")).body("results", nullValue());
    }

    @Test
    void refusesToCompleteAProposedActivity() {
        Map<String, Object> proposal = malaysiaSeminarOnDates();
        proposal.put("status", "PROPOSED");
        String id = planned(proposal);

        complete(id, results()).statusCode(409);

        get(id).body("status", equalTo("PROPOSED"));
    }

    @Test
    void refusesToReviseACompletedActivity() {
        String id = planned(malaysiaSeminarOnDates());
        complete(id, results()).statusCode(200);

        revise(id, "\"2\"", malaysiaSeminarOnDates()).statusCode(409).contentType("application/problem+json");
        cancel(id, "too late").statusCode(409);

        get(id).body("status", equalTo("COMPLETED")).body("version", equalTo(2));
    }

    @Test
    void cancelsWithAReasonAndRefusesResultsAfterwards() {
        String id = planned(malaysiaSeminarOnDates());

        cancel(id, "The host postponed the seminar to next year").statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellationReason", equalTo("The host postponed the seminar to next year"));

        complete(id, results()).statusCode(409).contentType("application/problem+json");
        cancel(id, "again").statusCode(409);
        get(id).body("status", equalTo("CANCELLED")).body("results", nullValue()).body("version", equalTo(2));
    }

    @Test
    void completionHonoursAnIfMatchWhenGiven() {
        String id = planned(malaysiaSeminarOnDates());

        asMeti().header("If-Match", "\"7\"").body(results()).when().post("/activities/" + id + "/completion")
                .then().statusCode(412);

        get(id).body("status", equalTo("PLANNED"));
    }

    @Test
    void answersNotFoundForAnUnknownActivity() {
        get("4b0c0a8e-0000-4000-8000-000000000000").statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        get("not-an-id").statusCode(404).contentType("application/problem+json");
    }

    @Test
    void filtersByRecipientTypeStatusAndOverlappingPeriod() {
        String may = planned(activity("BILATERAL_CONSULTATION", List.of("TH"), Map.of("month", "2031-05"), "PLANNED"));
        String june = planned(activity("MULTILATERAL_SEMINAR", List.of("TH", "VN"), Map.of("start", "2031-06-10", "end", "2031-06-12"), "PLANNED"));
        String july = planned(activity("INDUSTRY_OUTREACH_SEMINAR", List.of("VN"), Map.of("month", "2031-07"), "PROPOSED"));

        list("recipient=VN&from=2031-01-01&to=2031-12-31").body("id", containsInAnyOrder(june, july));
        list("from=2031-05-31&to=2031-05-31").body("id", containsInAnyOrder(may));
        list("from=2031-06-12&to=2031-06-30").body("id", containsInAnyOrder(june));
        list("type=MULTILATERAL_SEMINAR&from=2031-01-01&to=2031-12-31").body("id", containsInAnyOrder(june));
        list("status=PROPOSED&from=2031-01-01").body("id", containsInAnyOrder(july));
        list("recipient=TH&from=2031-01-01&to=2031-12-31").body("id", contains(may, june));
    }

    private static ValidatableResponse list(String query) {
        return asMeti().when().get("/activities?" + query).then().statusCode(200);
    }

    private static Map<String, Object> activity(String type, List<String> recipients, Map<String, Object> schedule, String status) {
        Map<String, Object> body = malaysiaSeminar();
        body.put("type", type);
        body.put("recipients", recipients);
        body.put("schedule", new LinkedHashMap<>(schedule));
        body.put("status", status);
        return body;
    }
}
