package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.WebhookReceiver;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class CoordinationTest {

    private static final List<Map<String, Object>> CATEGORY_2_TOOLS = List.of(
            Map.of("tool", "LEGAL_ASSISTANCE", "ifNecessary", false, "leads", List.of("US", "AU")),
            Map.of("tool", "OFFICER_TRAINING", "ifNecessary", false, "leads", List.of("US", "AU")),
            Map.of("tool", "MULTILATERAL_SEMINAR", "ifNecessary", false, "leads", List.of("JP")));

    @Test
    void overlappingActivitiesOfJapanAndTheUsForTheSameCountryRaiseOneAdvisoryToEach() {
        ActivityEvents.Draft japan = new ActivityEvents.Draft("JP", "BD", 60);
        ActivityEvents.Draft unitedStates = new ActivityEvents.Draft("US", "BD", 70);
        ActivityEvents.publish(japan, "planned");
        ActivityEvents.publish(unitedStates, "planned");

        await().atMost(Duration.ofSeconds(30)).until(() -> advisoriesAbout("JP", japan).size() == 1 && advisoriesAbout("US", unitedStates).size() == 1);

        // A revision and another overlapping event must not raise the same advisory again.
        japan.version = 2;
        japan.title = "Revised consultation";
        ActivityEvents.publish(japan, "revised");
        unitedStates.version = 2;
        ActivityEvents.publish(unitedStates, "revised");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Agencies.bearer("US"))
                .when().get("/activities/" + unitedStates.id + "/notice").then().body("version", equalTo(2)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Agencies.bearer("JP"))
                .when().get("/activities/" + japan.id + "/notice").then().body("version", equalTo(2)));

        List<Map<String, Object>> toJapan = advisoriesAbout("JP", japan);
        List<Map<String, Object>> toUs = advisoriesAbout("US", unitedStates);
        assertThat(toJapan).hasSize(1);
        assertThat(toJapan.get(0)).containsEntry("kind", "OVERLAP").containsEntry("otherActivityId", unitedStates.id.toString())
                .containsEntry("recipient", "BD");
        assertThat(toUs).hasSize(1);
        assertThat(toUs.get(0)).containsEntry("otherActivityId", japan.id.toString());
        assertThat(advisoriesAbout("AU", japan)).isEmpty();
    }

    @Test
    void anActivityForSeveralCountriesOverlapsThroughAnyOfThemAndThroughNoOtherCountry() {
        ActivityEvents.Draft japan = new ActivityEvents.Draft("JP", "UZ", 400);
        japan.recipients = List.of("UZ", "TJ");
        ActivityEvents.Draft australia = new ActivityEvents.Draft("AU", "TJ", 405);
        ActivityEvents.Draft unitedStates = new ActivityEvents.Draft("US", "KG", 402);
        ActivityEvents.publish(unitedStates, "planned");
        ActivityEvents.publish(japan, "planned");
        ActivityEvents.publish(australia, "planned");

        await().atMost(Duration.ofSeconds(30)).until(() -> advisoriesAbout("JP", japan).size() == 1 && advisoriesAbout("AU", australia).size() == 1);
        assertThat(advisoriesAbout("JP", japan).get(0)).containsEntry("otherActivityId", australia.id.toString())
                .containsEntry("recipient", "TJ");
        assertThat(advisoriesAbout("AU", australia).get(0)).containsEntry("otherActivityId", japan.id.toString());
        assertThat(advisoriesAbout("US", unitedStates)).isEmpty();
    }

    @Test
    void activitiesFarApartRaiseNoOverlapAdvisory() {
        ActivityEvents.Draft japan = new ActivityEvents.Draft("JP", "PK", 100);
        ActivityEvents.Draft australia = new ActivityEvents.Draft("AU", "PK", 130);
        ActivityEvents.publish(japan, "planned");
        ActivityEvents.publish(australia, "planned");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Agencies.bearer("AU"))
                .queryParam("recipient", "PK").when().get("/schedule").then().body("size()", equalTo(2)));
        assertThat(advisoriesAbout("JP", japan)).isEmpty();
        assertThat(advisoriesAbout("AU", australia)).isEmpty();
    }

    @Test
    void aReevaluationReachesSubscribersOfThatCountryOnly() throws Exception {
        try (WebhookReceiver singapore = new WebhookReceiver(); WebhookReceiver hongKong = new WebhookReceiver();
             WebhookReceiver categoryOnly = new WebhookReceiver()) {
            Subscriptions.webhook("AU", "REEVALUATIONS", singapore.url(), Map.of("countries", List.of("SG")));
            Subscriptions.webhook("US", "REEVALUATIONS", hongKong.url(), Map.of("countries", List.of("HK")));
            Subscriptions.webhook("JP", "REEVALUATIONS", categoryOnly.url(), Map.of("countries", List.of("SG"), "categoryChangesOnly", true));

            ActivityEvents.reevaluated("SG", 1, "CATEGORY_4", List.of("RISK_SCORE"), List.of());
            ActivityEvents.reevaluated("SG", 2, "CATEGORY_3", List.of("CATEGORY"), List.of());

            await().atMost(Duration.ofSeconds(30)).until(() -> singapore.accepted().size() == 2 && categoryOnly.accepted().size() == 1);
            JsonPath first = new JsonPath(singapore.accepted().get(0).body());
            assertThat(first.getString("type")).isEqualTo("country.reevaluated");
            assertThat(first.getString("data.country")).isEqualTo("SG");
            assertThat(new JsonPath(categoryOnly.accepted().get(0).body()).getInt("data.evaluationVersion")).isEqualTo(2);
            assertThat(hongKong.calls()).isEmpty();
        }
    }

    @Test
    void advisesAnOrganizerWhoseActivityTypeTheRecipientsCategoryAssignsToOtherPartners() throws Exception {
        try (WebhookReceiver evaluations = new WebhookReceiver()) {
            Subscriptions.webhook("JP", "REEVALUATIONS", evaluations.url(), Map.of("countries", List.of("LK")));
            ActivityEvents.reevaluated("LK", 3, "CATEGORY_2", List.of("CATEGORY"), CATEGORY_2_TOOLS);
            await().atMost(Duration.ofSeconds(30)).until(() -> evaluations.accepted().size() == 1);

            ActivityEvents.Draft japaneseTraining = new ActivityEvents.Draft("JP", "LK", 150).type("OFFICER_TRAINING");
            ActivityEvents.Draft usTraining = new ActivityEvents.Draft("US", "LK", 300).type("OFFICER_TRAINING");
            ActivityEvents.publish(japaneseTraining, "planned");
            ActivityEvents.publish(usTraining, "planned");

            await().atMost(Duration.ofSeconds(30)).until(() -> advisoriesAbout("JP", japaneseTraining).size() == 1);
            Map<String, Object> advisory = advisoriesAbout("JP", japaneseTraining).get(0);
            assertThat(advisory).containsEntry("kind", "ROLE_ALIGNMENT").containsEntry("recipient", "LK")
                    .containsEntry("leads", List.of("US", "AU"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Agencies.bearer("US"))
                    .when().get("/activities/" + usTraining.id + "/notice").then().statusCode(200));
            assertThat(advisoriesAbout("US", usTraining)).isEmpty();
        }
    }

    @Test
    void advisesExistingActivitiesWhenALaterReevaluationAssignsTheirTypeToOtherPartners() {
        ActivityEvents.Draft legalAssistance = new ActivityEvents.Draft("JP", "MO", 160).type("LEGAL_ASSISTANCE");
        ActivityEvents.publish(legalAssistance, "planned");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Agencies.bearer("JP"))
                .when().get("/activities/" + legalAssistance.id + "/notice").then().statusCode(200));
        assertThat(advisoriesAbout("JP", legalAssistance)).isEmpty();

        ActivityEvents.reevaluated("MO", 1, "CATEGORY_2", List.of("CATEGORY"), CATEGORY_2_TOOLS);

        await().atMost(Duration.ofSeconds(30)).until(() -> advisoriesAbout("JP", legalAssistance).size() == 1);
        assertThat(advisoriesAbout("JP", legalAssistance).get(0)).containsEntry("leads", List.of("US", "AU"));
    }

    private static List<Map<String, Object>> advisoriesAbout(String government, ActivityEvents.Draft activity) {
        List<Map<String, Object>> all = given().header("Authorization", Agencies.bearer(government)).queryParam("limit", 1000).when().get("/advisories")
                .then().statusCode(200).extract().jsonPath().getList("");
        return all.stream().filter(a -> activity.id.toString().equals(a.get("activityId"))).toList();
    }
}
