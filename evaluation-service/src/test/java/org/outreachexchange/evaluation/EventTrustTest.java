package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.outreachexchange.identity.EventSeals;
import org.outreachexchange.infra.ActivityTopicWriter;
import org.outreachexchange.infra.TestAgencies;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Whoever can write one government's topic cannot act for another government, nor slip an event past its seal. */
@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class EventTrustTest {

    private static final String AU = TestAgencies.bearer("AU", "DFAT");

    @Test
    void refusesFindingsOnJapansTopicCreditedToTheUnitedStates() {
        UUID id = UUID.randomUUID();
        Map<String, Object> forged = Activities.completed(Activities.planned(id, 1, "US", "LEGAL_ASSISTANCE", List.of("LA"), "2008-05"),
                2, "2008-05-20", List.of(List.of("LA", "INTENTION", "SUFFICIENT", "Forged finding")));

        send("JP", forged);

        assertThat(reason(id)).contains("claims organizer US");
        assertNothingKnownOf(id);
    }

    @Test
    void refusesAJapaneseEventThatWouldOverwriteOrFreezeAUsActivity() {
        UUID id = UUID.randomUUID();
        Map<String, Object> us = Activities.planned(id, 1, "US", "OFFICER_TRAINING", List.of("KH"), "2008-09");
        Kafka.sendActivityEvent(us, "planned");
        await().atMost(Duration.ofSeconds(30)).until(() -> plannedFor("KH", "2008-09-01", "2008-09-30").contains(id.toString()));

        Map<String, Object> overwrite = Activities.completed(Activities.planned(id, Integer.MAX_VALUE, "JP", "OFFICER_TRAINING",
                List.of("KH"), "2008-09"), Integer.MAX_VALUE, "2008-09-10", List.of(List.of("KH", "INTENTION", "SUFFICIENT", "Frozen")));
        send("JP", overwrite);

        assertThat(reason(id)).contains("would change activity " + id).contains("US's");
        Kafka.sendActivityEvent(Activities.cancelled(us, 2), "cancelled");
        await().atMost(Duration.ofSeconds(30)).until(() -> !plannedFor("KH", "2008-09-01", "2008-09-30").contains(id.toString()));
        assertThat(proposalsAbout(id)).isEmpty();
    }

    @Test
    void refusesABadSignatureAndAGapButAppliesTheGenuineEventThatFollows() {
        UUID wrongKey = UUID.randomUUID();
        EventSeals.Content content = content(Activities.planned(wrongKey, 1, "JP", "BILATERAL_CONSULTATION", List.of("LK"), "2008-10"));
        ActivityTopicWriter.Sealed next = ActivityTopicWriter.next("JP");
        ActivityTopicWriter.sendRaw(Kafka.bootstrap(), "outreach.activities.jp", wrongKey.toString(), ActivityTopicWriter.headers(content,
                EventSeals.seal(TestAgencies.eventKeys("AU").getPrivate(), "JP", next.sequence(), next.previous(), content.digest())),
                content.data());
        UUID skipping = UUID.randomUUID();
        EventSeals.Content later = content(Activities.planned(skipping, 1, "JP", "BILATERAL_CONSULTATION", List.of("LK"), "2008-10"));
        ActivityTopicWriter.sendRaw(Kafka.bootstrap(), "outreach.activities.jp", skipping.toString(), ActivityTopicWriter.headers(later,
                EventSeals.seal(TestAgencies.eventKeys("JP").getPrivate(), "JP", next.sequence() + 1, next.previous(), later.digest())),
                later.data());

        assertThat(reason(wrongKey)).contains("is not signed by JP's event key");
        assertThat(reason(skipping)).contains("1 event(s) missing");
        UUID genuine = UUID.randomUUID();
        Kafka.sendActivityEvent(Activities.planned(genuine, 1, "JP", "BILATERAL_CONSULTATION", List.of("LK"), "2008-10"), "planned");
        await().atMost(Duration.ofSeconds(30)).until(() -> plannedFor("LK", "2008-10-01", "2008-10-31").contains(genuine.toString()));
        assertNothingKnownOf(wrongKey);
        assertNothingKnownOf(skipping);
    }

    @Test
    void appliesAnEventWrittenAheadOfItsPredecessorOnceItIsWrittenAgainAfterIt() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String firstData = Kafka.JSON.writeValueAsString(Activities.planned(first, 1, "JP", "OFFICER_TRAINING", List.of("LK"), "2008-11"));
        String secondData = Kafka.JSON.writeValueAsString(Activities.planned(second, 1, "JP", "OFFICER_TRAINING", List.of("LK"), "2008-11"));
        Map<String, String> firstHeaders = ActivityTopicWriter.seal("JP", first.toString(), UUID.randomUUID().toString(),
                "outreach.activity.planned", firstData);
        Map<String, String> secondHeaders = ActivityTopicWriter.seal("JP", second.toString(), UUID.randomUUID().toString(),
                "outreach.activity.planned", secondData);

        ActivityTopicWriter.sendRaw(Kafka.bootstrap(), "outreach.activities.jp", second.toString(), secondHeaders, secondData);
        ActivityTopicWriter.sendRaw(Kafka.bootstrap(), "outreach.activities.jp", first.toString(), firstHeaders, firstData);
        ActivityTopicWriter.resend(Kafka.bootstrap(), "outreach.activities.jp", second.toString(), secondHeaders, secondData);

        assertThat(reason(second)).contains("1 event(s) missing");
        await().atMost(Duration.ofSeconds(30)).until(() -> plannedFor("LK", "2008-11-01", "2008-11-30")
                .containsAll(List.of(first.toString(), second.toString())));
    }

    private static void send(String government, Map<String, Object> data) {
        try {
            Kafka.sendSealed(government, data.get("activityId").toString(), UUID.randomUUID().toString(),
                    "outreach.activity." + data.get("status").toString().toLowerCase(), Kafka.JSON.writeValueAsString(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventSeals.Content content(Map<String, Object> data) {
        try {
            String id = data.get("activityId").toString();
            return new EventSeals.Content(UUID.randomUUID().toString(), "outreach.activity.planned",
                    "/outreach/scheduling/" + data.get("organizer"), id, id, Kafka.JSON.writeValueAsString(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reason(UUID key) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Kafka.readAll(Kafka.DEAD_LETTERS).stream()
                        .filter(r -> key.toString().equals(r.key())).map(r -> r.headers().get("dead-letter-reason")).findFirst().orElse(null),
                reason -> reason != null);
    }

    private static void assertNothingKnownOf(UUID id) {
        List<String> all = given().header("Authorization", AU).queryParam("from", "2008-01-01").queryParam("to", "2008-12-31")
                .when().get("/coverage").then().statusCode(200).extract().jsonPath().getList("countries.plannedActivities.flatten()");
        assertThat(all).doesNotContain(id.toString());
        assertThat(proposalsAbout(id)).isEmpty();
    }

    private static List<Object> proposalsAbout(UUID id) {
        return given().header("Authorization", TestAgencies.bearer("JP", "METI")).when().get("/proposals").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.activity != null && it.activity.activityId == '" + id + "' }");
    }

    private static List<String> plannedFor(String country, String from, String to) {
        return given().header("Authorization", AU).queryParam("from", from).queryParam("to", to).when().get("/coverage")
                .then().statusCode(200).extract().jsonPath()
                .getList("countries.find { it.country == '" + country + "' }.plannedActivities");
    }
}
