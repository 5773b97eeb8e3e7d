package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.TestAgencies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The largest activity event the producer's schema allows is stored, not dead-lettered: 250 recipients (the
 * scheduling-service's maximum), a 200-character title, and findings on a recipient.
 */
@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class LargestEventTest {

    static final String AU = TestAgencies.bearer("AU", "DFAT");
    static final int MAX_RECIPIENTS = 250;

    /** Myanmar and 249 other distinct two-letter codes from AA on (Bangladesh and Indonesia among them), most not evaluated. */
    private static List<String> recipients() {
        List<String> codes = new ArrayList<>(List.of("MM"));
        for (char first = 'A'; first <= 'Z' && codes.size() < MAX_RECIPIENTS; first++) {
            for (char second = 'A'; second <= 'Z' && codes.size() < MAX_RECIPIENTS; second++) {
                String code = "" + first + second;
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }

    private static JsonPath coverage() {
        return given().header("Authorization", AU).queryParam("from", "2011-03-01").queryParam("to", "2011-03-31")
                .when().get("/coverage").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anActivityWith250RecipientsIsStoredCoversAndItsFindingsBecomeEvidence() {
        UUID id = UUID.randomUUID();
        List<String> recipients = recipients();
        assertThat(recipients).hasSize(MAX_RECIPIENTS).doesNotHaveDuplicates();
        Map<String, Object> planned = Activities.titled(
                Activities.planned(id, 1, "AU", "OFFICER_TRAINING", recipients, "2011-03"), "T".repeat(200));
        Kafka.sendActivityEvent(planned, "planned");

        // Generous: when this class runs first, the service's consumer is still joining its group.
        await().atMost(Duration.ofSeconds(90)).until(() ->
                coverage().getList("countries.find { it.country == 'MM' }.plannedActivities", String.class).contains(id.toString()));
        for (String alsoCovered : List.of("BD", "ID")) {
            assertThat(coverage().getList("countries.find { it.country == '" + alsoCovered + "' }.plannedActivities", String.class))
                    .contains(id.toString());
        }

        Kafka.sendActivityEvent(Activities.completed(planned, 2, "2011-03-20",
                List.of(List.of("MM", "ENFORCEMENT", "INSUFFICIENT", "E".repeat(4000)))), "completed");
        String proposal = Proposals.awaitFindingsOf(AU, id.toString());
        JsonPath findings = Proposals.get(AU, proposal);
        assertThat(findings.getString("activity.title")).hasSize(200);
        assertThat(findings.getString("changes.MM.elements.ENFORCEMENT.evidence")).hasSize(4000);
        assertThat(given().header("Authorization", AU).when().get("/evaluations/MM").then().statusCode(200).extract().jsonPath()
                .getList("proposed.proposalId", String.class)).contains(proposal);

        Kafka.awaitConsumed("AU");
        assertThat(Kafka.readAll(Kafka.DEAD_LETTERS)).noneMatch(r -> r.value() != null && r.value().contains(id.toString()));
    }
}
