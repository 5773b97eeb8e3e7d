package org.outreachexchange.scheduling;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.outreachexchange.infra.OutreachTestResource;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.outreachexchange.scheduling.Requests.asMeti;
import static org.outreachexchange.scheduling.Requests.complete;
import static org.outreachexchange.scheduling.Requests.get;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminar;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminarOnDates;
import static org.outreachexchange.scheduling.Requests.plan;
import static org.outreachexchange.scheduling.Requests.planned;
import static org.outreachexchange.scheduling.Requests.results;
import static org.outreachexchange.scheduling.Requests.revise;

/** Every refused request answers with a problem naming the field and rule, and leaves activities and outbox as they were. */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "scheduling"), @ResourceArg(name = "chain", value = "JP")})
class ValidationTest {

    @Inject
    DataSource dataSource;

    private long activitiesBefore;
    private long eventsBefore;
    private long keysBefore;

    /** Counts rows before the refused request; tests that first set something up call it again afterwards. */
    @BeforeEach
    void snapshot() {
        activitiesBefore = Tables.count(dataSource, "activity");
        eventsBefore = Tables.count(dataSource, "outbox_event");
        keysBefore = Tables.count(dataSource, "idempotency_key");
    }

    static Stream<Arguments> badPlans() {
        return Stream.of(
                bad("an unknown country", b -> b.put("recipients", List.of("MY", "XY")), "recipients[1]", "iso-3166-alpha-2"),
                bad("a lower-case country", b -> b.put("recipients", List.of("my")), "recipients[0]", "iso-3166-alpha-2"),
                bad("a country listed twice", b -> b.put("recipients", List.of("MY", "MY")), "recipients[1]", "unique"),
                bad("no recipients", b -> b.put("recipients", List.of()), "recipients", "required"),
                bad("recipients that are not a list", b -> b.put("recipients", Map.of("country", "MY")), "recipients", "type"),
                bad("an unknown type", b -> b.put("type", "WORKSHOP"), "type", "enum"),
                bad("no type", b -> b.remove("type"), "type", "required"),
                bad("an empty title", b -> b.put("title", "  "), "title", "required"),
                bad("a title over 200 characters", b -> b.put("title", "x".repeat(201)), "title", "size"),
                bad("an end before the start", b -> b.put("schedule", Map.of("start", "2008-03-12", "end", "2008-03-11")), "schedule.end", "not-before-start"),
                bad("a start without an end", b -> b.put("schedule", Map.of("start", "2008-03-12")), "schedule.end", "required"),
                bad("both a month and dates", b -> b.put("schedule", Map.of("month", "2008-03", "start", "2008-03-11", "end", "2008-03-12")), "schedule", "month-or-dates"),
                bad("neither a month nor dates", b -> b.put("schedule", Map.of()), "schedule", "month-or-dates"),
                bad("no schedule", b -> b.remove("schedule"), "schedule", "required"),
                bad("a precision that contradicts the dates", b -> b.put("schedule", Map.of("precision", "MONTH", "start", "2008-03-11", "end", "2008-03-12")), "schedule.precision", "matches-fields"),
                bad("a month that does not exist", b -> b.put("schedule", Map.of("month", "2008-13")), "schedule.month", "date"),
                bad("a date that does not exist", b -> b.put("schedule", Map.of("start", "2008-02-30", "end", "2008-03-01")), "schedule.start", "date"),
                bad("an unknown element", b -> b.put("objectives", List.of(Map.of("element", "GOODWILL", "text", "x"))), "objectives[0].element", "enum"),
                bad("an objective without text", b -> b.put("objectives", List.of(Map.of("element", "ENFORCEMENT", "text", ""))), "objectives[0].text", "required"),
                bad("an empty agenda item", b -> b.put("agenda", List.of("Opening", " ")), "agenda[1]", "required"),
                bad("a completed status", b -> b.put("status", "COMPLETED"), "status", "proposed-or-planned"),
                bad("an unknown status", b -> b.put("status", "DONE"), "status", "enum"),
                bad("named partners without names", b -> b.put("distribution", Map.of("scope", "NAMED_PARTNERS", "governments", List.of())), "distribution.governments", "required"),
                bad("the organizer as a named partner", b -> b.put("distribution", Map.of("scope", "NAMED_PARTNERS", "governments", List.of("US", "JP"))), "distribution.governments[1]", "not-organizer"),
                bad("an untrusted government as partner", b -> b.put("distribution", Map.of("scope", "NAMED_PARTNERS", "governments", List.of("XX"))), "distribution.governments[0]", "trusted-partner"),
                bad("governments named for all partners", b -> b.put("distribution", Map.of("scope", "ALL_PARTNERS", "governments", List.of("US"))), "distribution.governments", "empty-for-all-partners"),
                bad("an unknown distribution scope", b -> b.put("distribution", Map.of("scope", "FRIENDS", "governments", List.of())), "distribution.scope", "enum"),
                bad("an organizer in the body", b -> b.put("organizer", "US"), "organizer", "known-field"));
    }

    private static Arguments bad(String description, Consumer<Map<String, Object>> change, String field, String rule) {
        return Arguments.of(description, change, field, rule);
    }

    @ParameterizedTest(name = "refuses a plan with {0}")
    @MethodSource("badPlans")
    void refusesABadPlanNamingTheFieldAndRule(String description, Consumer<Map<String, Object>> change, String field, String rule) {
        Map<String, Object> body = malaysiaSeminar();
        change.accept(body);

        asMeti().header("Idempotency-Key", "bad-" + field + "-" + rule).body(body).when().post("/activities").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.rule", equalTo(rule))
                .body(not(containsString("Exception")));
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        Map<String, Object> body = malaysiaSeminar();
        body.put("title", "");
        body.put("recipients", List.of("ZZ"));
        body.put("schedule", Map.of("start", "2008-03-12", "end", "2008-03-01"));

        plan(body).statusCode(400)
                .body("errors.field", containsInAnyOrder("title", "recipients[0]", "schedule.end"));
    }

    @Test
    void refusesMalformedJson() {
        asMeti().body("{\"type\": \"BILATERAL_CONSULTATION\", \"title\": ").when().post("/activities").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body")).body("errors[0].rule", equalTo("json"));
    }

    @Test
    void refusesAMissingBody() {
        asMeti().when().post("/activities").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }

    @Test
    void refusesABodyOver256KiB() {
        Map<String, Object> body = malaysiaSeminar();
        body.put("agenda", List.of("x".repeat(300 * 1024)));

        plan(body).statusCode(413);
    }

    @Test
    void refusesBadListFiltersNamingTheParameter() {
        asMeti().when().get("/activities?type=WORKSHOP&from=2008-13-01&recipient=XY").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("type", "from", "recipient"));
        asMeti().when().get("/activities?from=2008-05-01&to=2008-04-01").then()
                .statusCode(400).body("errors[0].field", equalTo("to")).body("errors[0].rule", equalTo("not-before-from"));
    }

    @Test
    void refusesABadRevisionAndKeepsTheActivity() {
        String id = planned(malaysiaSeminar());
        snapshot();
        Map<String, Object> body = malaysiaSeminarOnDates();
        body.put("schedule", Map.of("start", "2008-03-12", "end", "2008-03-11"));

        revise(id, "\"1\"", body).statusCode(400).body("errors[0].field", equalTo("schedule.end"));

        get(id).body("version", equalTo(1)).body("schedule.month", equalTo("2008-03"));
    }

    @Test
    void refusesFindingsAboutACountryThatWasNotARecipient() {
        String id = planned(malaysiaSeminarOnDates());
        snapshot();
        Map<String, Object> results = results();
        results.put("findings", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of(
                "country", "TH", "element", "ENFORCEMENT", "assessment", "SUFFICIENT", "evidence", "x")))));

        complete(id, results).statusCode(400)
                .body("errors[0].field", equalTo("findings[0].country")).body("errors[0].rule", equalTo("recipient"));

        get(id).body("status", equalTo("PLANNED")).body("version", equalTo(1));
    }

    @Test
    void refusesAnUnknownAssessmentNamingTheFinding() {
        String id = planned(malaysiaSeminarOnDates());
        snapshot();
        Map<String, Object> results = results();
        results.put("findings", List.of(Map.of("country", "MY", "element", "ENFORCEMENT", "assessment", "GREAT", "evidence", "x")));

        complete(id, results).statusCode(400)
                .body("errors[0].field", equalTo("findings[0].assessment")).body("errors[0].rule", equalTo("enum"));

        get(id).body("status", equalTo("PLANNED"));
    }

    @Test
    void refusesACancellationWithoutReason() {
        String id = planned(malaysiaSeminar());
        snapshot();

        asMeti().body(Map.of("reason", " ")).when().post("/activities/" + id + "/cancellation").then()
                .statusCode(400).body("errors[0].field", equalTo("reason")).body("errors[0].rule", equalTo("required"));

        get(id).body("status", equalTo("PLANNED"));
    }

    @AfterEach
    void nothingWasStoredOrPublishedByTheRefusedRequest() {
        assertThat(Tables.count(dataSource, "activity")).isEqualTo(activitiesBefore);
        assertThat(Tables.count(dataSource, "outbox_event")).isEqualTo(eventsBefore);
        assertThat(Tables.count(dataSource, "idempotency_key")).isEqualTo(keysBefore);
    }
}
