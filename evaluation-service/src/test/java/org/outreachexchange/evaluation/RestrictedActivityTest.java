package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.outreachexchange.infra.TestAgencies;
import org.outreachexchange.infra.TopicReader;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A JP activity shared only with the US, completed with a finding on Vietnam: Australia learns nothing of it on any
 * path (no id, title, type, dates or evidence text), yet sees the shared evaluation's state and can concur in the
 * findings proposal it must answer. JP and the US see everything. The methods run in order; no other test touches VN
 * or plans for May 2010.
 */
@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestrictedActivityTest {

    static final String JP = TestAgencies.bearer("JP", "METI");
    static final String US = TestAgencies.bearer("US", "DOC");
    static final String AU = TestAgencies.bearer("AU", "DFAT");

    static final UUID ACTIVITY = UUID.randomUUID();
    static final String SECRET = UUID.randomUUID().toString().substring(0, 8);
    static final String TITLE = "Closed consultation " + SECRET;
    static final String EVIDENCE = "The ministry privately confirmed a control list " + SECRET;
    static final String COMPLETED_ON = "2010-05-20";
    static final String COMMENT = "Agreed; our embassy attended " + TITLE;
    static final Map<String, Object> PLANNED = Activities.sharedOnlyWith(Activities.titled(
            Activities.planned(ACTIVITY, 1, "JP", "MULTILATERAL_SEMINAR", List.of("VN"), "2010-05"), TITLE), List.of("US"));

    /** The findings proposal, once opened. */
    static String proposal;

    /**
     * Fails if {@code body} names the activity or quotes its title, evidence or completion date. (Its type is also a
     * tool name, which evaluations and coverage name anyway; proposals are checked for it separately.)
     */
    static void revealsNothing(String body) {
        assertThat(body).doesNotContain(ACTIVITY.toString()).doesNotContain(SECRET).doesNotContain(COMPLETED_ON);
    }

    static void revealsNothingOfAProposal(String body) {
        revealsNothing(body);
        assertThat(body).doesNotContain("MULTILATERAL_SEMINAR").doesNotContain("2010-05");
    }

    static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    private static JsonPath coverage(String token) {
        return given().header("Authorization", token).queryParam("from", "2010-05-01").queryParam("to", "2010-05-31")
                .when().get("/coverage").then().statusCode(200).extract().jsonPath();
    }

    private static String body(String token, String path) {
        return given().header("Authorization", token).when().get(path).then().statusCode(200).extract().asString();
    }

    @Test
    @Order(1)
    void aRestrictedActivityCoversOnlyForItsOrganizerAndTheNamedPartners() {
        Kafka.sendActivityEvent(PLANNED, "planned");
        await().atMost(Duration.ofSeconds(30)).until(() -> !coverage(JP).getList("uncoveredHighRisk").contains("VN"));

        for (String entitled : List.of(JP, US)) {
            JsonPath seen = coverage(entitled);
            assertThat(seen.getList("uncoveredHighRisk")).doesNotContain("VN");
            assertThat(seen.getList("countries.find { it.country == 'VN' }.plannedActivities")).containsExactly(ACTIVITY.toString());
            assertThat(seen.getList("countries.find { it.country == 'VN' }.unplannedTools.tool")).doesNotContain("MULTILATERAL_SEMINAR");
        }
        JsonPath australia = coverage(AU);
        assertThat(australia.getList("uncoveredHighRisk")).contains("VN");
        assertThat(australia.getList("countries.find { it.country == 'VN' }.plannedActivities")).isEmpty();
        assertThat(australia.getList("countries.find { it.country == 'VN' }.unplannedTools.tool")).contains("MULTILATERAL_SEMINAR");
        assertThat(australia.prettify()).doesNotContain(ACTIVITY.toString());
    }

    @Test
    @Order(2)
    void itsFindingsOpenAProposalThatAustraliaSeesRedactedAndCanConcurIn() throws Exception {
        Kafka.sendActivityEvent(Activities.completed(PLANNED, 2, COMPLETED_ON,
                List.of(List.of("VN", "INTENTION", "SUFFICIENT", EVIDENCE))), "completed");
        proposal = Proposals.awaitFindingsOf(JP, ACTIVITY.toString());

        JsonPath us = Proposals.get(US, proposal);
        assertThat(us.getBoolean("restricted")).isTrue();
        assertThat(us.getBoolean("redacted")).isFalse();
        assertThat(us.getList("audience")).containsExactly("JP", "US");
        assertThat(us.getString("activity.title")).isEqualTo(TITLE);
        assertThat(us.getString("activity.type")).isEqualTo("MULTILATERAL_SEMINAR");
        assertThat(us.getString("activity.completedOn")).isEqualTo(COMPLETED_ON);
        assertThat(us.getString("changes.VN.elements.INTENTION.evidence")).isEqualTo(EVIDENCE);
        assertThat(us.getString("changes.VN.elements.INTENTION.activityId")).isEqualTo(ACTIVITY.toString());

        String australia = body(AU, "/proposals/" + proposal);
        revealsNothingOfAProposal(australia);
        JsonPath au = JsonPath.from(australia);
        assertThat(au.getString("kind")).isEqualTo("FINDINGS");
        assertThat(au.getBoolean("restricted")).isTrue();
        assertThat(au.getBoolean("redacted")).isTrue();
        assertThat(au.getString("activity")).isNull();
        assertThat(au.getString("rationale")).isNull();
        assertThat(au.getList("countries")).containsExactly("VN");
        assertThat(au.getString("changes.VN.elements.INTENTION.assessment")).isEqualTo("SUFFICIENT");
        assertThat(au.getString("changes.VN.elements.INTENTION.evidence")).isNull();
        assertThat(au.getString("changes.VN.elements.INTENTION.source")).isEqualTo("a partner activity not shared with your government");
        assertThat(au.getString("changes.VN.elements.INTENTION.proposalId")).isEqualTo(proposal);
        assertThat(au.getString("summary")).isEqualTo("Findings of a completed JP activity on VN: INTENTION SUFFICIENT");
        assertThat(au.getList("awaiting")).containsExactly("AU", "US");

        String awaitingAustralia = given().header("Authorization", AU).queryParam("status", "OPEN").queryParam("awaiting", "me")
                .when().get("/proposals").then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(awaitingAustralia).getList("id")).contains(proposal);
        String all = body(AU, "/proposals");
        for (String list : List.of(awaitingAustralia, all)) {
            // Other tests' proposals of activities shared with all partners may name the same type; this one must not.
            revealsNothing(list);
            revealsNothingOfAProposal(Kafka.JSON.writeValueAsString(JsonPath.from(list).getMap("find { it.id == '" + proposal + "' }")));
        }

        // While open, the findings are proposed evidence: in full for the entitled, redacted for Australia.
        String vietnam = body(AU, "/evaluations/VN");
        revealsNothing(vietnam);
        assertThat(JsonPath.from(vietnam).getString("category")).isEqualTo("CATEGORY_1");
        assertThat(JsonPath.from(vietnam).getString("proposed[0].proposalId")).isEqualTo(proposal);
        assertThat(JsonPath.from(vietnam).getBoolean("proposed[0].redacted")).isTrue();
        assertThat(JsonPath.from(vietnam).getString("proposed[0].elements.INTENTION.assessment")).isEqualTo("SUFFICIENT");
        assertThat(JsonPath.from(body(US, "/evaluations/VN")).getString("proposed[0].elements.INTENTION.evidence")).isEqualTo(EVIDENCE);

        given().header("Authorization", US).contentType(ContentType.JSON).body(Map.of("comment", COMMENT))
                .when().post("/proposals/" + proposal + "/concurrences").then().statusCode(200);
        String adopted = given().header("Authorization", AU).contentType(ContentType.JSON).body(Map.of("comment", "Concur"))
                .when().post("/proposals/" + proposal + "/concurrences").then().statusCode(200).extract().asString();
        revealsNothingOfAProposal(adopted);
        assertThat(JsonPath.from(adopted).getString("status")).isEqualTo("ADOPTED");
        assertThat(JsonPath.from(adopted).getList("responses.comment")).containsExactly(null, "Concur");
        assertThat(Proposals.get(JP, proposal).getList("responses.comment")).containsExactly(COMMENT, "Concur");
    }

    @Test
    @Order(3)
    void australiaSeesTheSharedStateButNothingOfTheActivityInTheEvaluationAtADateAndInTheHistory() {
        String now = body(AU, "/evaluations/VN");
        String atToday = given().header("Authorization", AU).queryParam("at", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString())
                .when().get("/evaluations/VN").then().statusCode(200).extract().asString();
        for (String view : List.of(now, atToday)) {
            revealsNothing(view);
            JsonPath vietnam = JsonPath.from(view);
            assertThat(vietnam.getString("category")).isEqualTo("CATEGORY_2");
            assertThat(vietnam.getString("elements.INTENTION.assessment")).isEqualTo("SUFFICIENT");
            assertThat(vietnam.getString("elements.INTENTION.evidence")).isNull();
            assertThat(vietnam.getString("elements.INTENTION.asOf")).isNull();
            assertThat(vietnam.getString("elements.INTENTION.activityId")).isNull();
            assertThat(vietnam.getString("elements.INTENTION.source")).isEqualTo("a partner activity not shared with your government");
            assertThat(vietnam.getBoolean("elements.INTENTION.restricted")).isTrue();
            assertThat(vietnam.getBoolean("elements.INTENTION.redacted")).isTrue();
            assertThat(vietnam.getString("elements.INTENTION.proposalId")).isEqualTo(proposal);
        }
        String history = body(AU, "/evaluations/VN/history");
        revealsNothing(history);
        JsonPath entries = JsonPath.from(history);
        assertThat(last(entries.getList("origin.reference", String.class))).isEqualTo(proposal);
        assertThat(last(entries.getList("origin.kind", String.class))).isEqualTo("ACTIVITY_RESULTS");
        assertThat(last(entries.getList("reason", String.class))).isEqualTo("Findings of a completed JP activity not shared with all partners"
                + " (proposal " + proposal + ") adopted with the concurrence of US, AU");
        revealsNothing(body(AU, "/evaluations"));
        revealsNothing(coverage(AU).prettify());
    }

    @Test
    @Order(4)
    void japanAndTheUnitedStatesSeeTheEvidenceInFull() {
        for (String entitled : List.of(JP, US)) {
            JsonPath vietnam = JsonPath.from(body(entitled, "/evaluations/VN"));
            assertThat(vietnam.getString("elements.INTENTION.evidence")).isEqualTo(EVIDENCE);
            assertThat(vietnam.getString("elements.INTENTION.activityId")).isEqualTo(ACTIVITY.toString());
            assertThat(vietnam.getString("elements.INTENTION.asOf")).isEqualTo(COMPLETED_ON);
            assertThat(vietnam.getString("elements.INTENTION.source")).isEqualTo("Activity " + ACTIVITY
                    + " (MULTILATERAL_SEMINAR) organized by JP, completed " + COMPLETED_ON);
            assertThat(vietnam.getBoolean("elements.INTENTION.restricted")).isTrue();
            assertThat(vietnam.getBoolean("elements.INTENTION.redacted")).isFalse();
            assertThat(vietnam.getList("elements.INTENTION.restrictedTo")).containsExactly("JP", "US");
            assertThat(last(JsonPath.from(body(entitled, "/evaluations/VN/history")).getList("evaluation.elements.INTENTION.evidence", String.class)))
                    .isEqualTo(EVIDENCE);
        }
    }

    @Test
    @Order(5)
    void noEventOnTheEvaluationTopicCarriesTheActivitysDetail() {
        List<TopicReader.Received> reevaluated = Kafka.awaitEvaluations(r -> proposal.equals(r.json().at("/origin/reference").asText()), 1);
        assertThat(reevaluated).hasSize(1);
        assertThat(reevaluated.get(0).key()).isEqualTo("VN");
        assertThat(reevaluated.get(0).json().at("/origin/government").asText()).isEqualTo("JP");
        assertThat(reevaluated.get(0).json().at("/after/category").asText()).isEqualTo("CATEGORY_2");

        TopicReader.Received opened = Kafka.awaitProposalEvents(proposal, Kafka.PROPOSAL_OPENED).get(0);
        TopicReader.Received adopted = Kafka.awaitProposalEvents(proposal, Kafka.PROPOSAL_ADOPTED).get(0);
        for (TopicReader.Received event : List.of(opened, adopted)) {
            assertThat(event.json().at("/restricted").asBoolean()).isTrue();
            assertThat(event.json().at("/audience").toString()).isEqualTo("[\"JP\",\"US\"]");
            assertThat(event.json().at("/summary").asText()).isEqualTo("Findings of a completed JP activity on VN: INTENTION SUFFICIENT");
        }
        for (TopicReader.Received event : Kafka.readAll(Kafka.EVALUATIONS)) {
            assertThat(event.value()).doesNotContain(ACTIVITY.toString()).doesNotContain(SECRET);
        }
    }
}
