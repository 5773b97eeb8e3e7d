package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.EventSchema;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TopicReader;
import org.outreachexchange.infra.WebhookReceiver;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class NoticePolicyTest {

    private static TopicReader notices;

    @BeforeAll
    static void readNotices() {
        notices = TopicReader.follow(ActivityEvents.bootstrap(), "outreach.notices");
    }

    @AfterAll
    static void stopReading() {
        notices.close();
    }

    @Test
    void flagsAnActivityPostedFiveDaysBeforeItsStartAsLate() {
        ActivityEvents.Draft activity = new ActivityEvents.Draft("JP", "MN", 5);
        ActivityEvents.publish(activity, "planned");

        TopicReader.Received late = awaitNotice(activity, "outreach.notice.late");
        assertThat(late.header("ce_source")).isEqualTo("/outreach/gateway");
        assertThat(late.header("ce_subject")).isEqualTo(activity.id.toString());
        EventSchema schema = EventSchema.fromClasspath("notice-event.schema.json");
        assertThat(schema.violations(late.value())).as("the published notice matches its schema").isEmpty();
        assertThat(new JsonPath(late.value()).getString("kind")).isEqualTo("LATE");

        noticeFile("JP", activity).then().body("notice.outcome", equalTo("LATE")).body("notices.kind", equalTo(List.of("LATE")));
        given().header("Authorization", Agencies.bearer("US")).queryParam("compliance", "LATE").queryParam("limit", 1000).when().get("/schedule")
                .then().statusCode(200).body("activity.activityId", hasItem(activity.id.toString()));
    }

    @Test
    void deliversNoticesAboutItsOwnActivitiesToTheOrganizersSubscriptionOnly() throws Exception {
        try (WebhookReceiver organizer = new WebhookReceiver(); WebhookReceiver partner = new WebhookReceiver()) {
            Subscriptions.webhook("JP", "NOTICES", organizer.url(), Map.of());
            Subscriptions.webhook("US", "NOTICES", partner.url(), Map.of());
            ActivityEvents.Draft activity = new ActivityEvents.Draft("JP", "GE", 4);
            ActivityEvents.publish(activity, "planned");

            await().atMost(Duration.ofSeconds(30)).until(() -> organizer.accepted().stream().anyMatch(c -> c.body().contains(activity.id.toString())));
            JsonPath notice = new JsonPath(organizer.accepted().stream().filter(c -> c.body().contains(activity.id.toString())).findFirst().orElseThrow().body());
            assertThat(notice.getString("type")).isEqualTo("notice.late");
            assertThat(notice.getString("data.kind")).isEqualTo("LATE");
            assertThat(partner.calls()).noneMatch(c -> c.body().contains(activity.id.toString()));
        }
    }

    @Test
    void recordsACompleteNoticeBeforeItsDeadlineAsCompliant() {
        ActivityEvents.Draft activity = new ActivityEvents.Draft("US", "MN", 45);
        ActivityEvents.publish(activity, "planned");

        awaitNotice(activity, "outreach.notice.compliant");
        // Notice on day start - 30 is still in time: it is late from the start of the following day.
        LocalDate lastDayInTime = activity.start.minusDays(30);
        noticeFile("US", activity).then().body("notice.outcome", equalTo("COMPLIANT"))
                .body("notice.deadline", equalTo(lastDayInTime.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString()));
    }

    @Test
    void judgesNoticeByTheBrokersAppendTimeNotTheTimeTheOrganizerClaims() {
        ActivityEvents.Draft activity = new ActivityEvents.Draft("JP", "VU", 10);
        activity.occurredAt = MutableClock.now().minus(Duration.ofDays(90));
        ActivityEvents.publish(activity, "planned");

        awaitNotice(activity, "outreach.notice.late");
        String noticedAt = noticeFile("JP", activity).then().body("notice.outcome", equalTo("LATE"))
                .extract().path("notice.noticedAt");
        assertThat(Duration.between(java.time.Instant.parse(noticedAt), MutableClock.now()).abs())
                .isLessThan(Duration.ofMinutes(5));
    }

    @Test
    void computesTheDeadlineOfAMonthPrecisionScheduleFromTheFirstDayOfTheMonth() {
        ActivityEvents.Draft activity = new ActivityEvents.Draft("JP", "BN", 0).type("MULTILATERAL_SEMINAR");
        YearMonth month = YearMonth.from(ActivityEvents.today()).plusMonths(4);
        activity.precision = "MONTH";
        activity.month = month.toString();
        activity.start = null;
        activity.end = null;
        ActivityEvents.publish(activity, "planned");

        String deadline = month.atDay(1).minusDays(60).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> noticeFile("JP", activity).then().statusCode(200)
                .body("notice.deadline", equalTo(deadline)).body("notice.outcome", equalTo("PENDING"))
                .body("notice.missing", equalTo(List.of("DATES"))));
    }

    @Test
    void raisesAnIncompleteNoticeAtTheDeadlineWithoutNewInputAndKeepsTheActivityVisibleToPartnersMarkedIncomplete() {
        String feed = Subscriptions.create("US", Map.of("kind", "SCHEDULES", "channel", "ICAL", "filters", Map.of("recipients", List.of("MM"))))
                .getString("feedUrl");
        ActivityEvents.Draft activity = new ActivityEvents.Draft("JP", "MM", 40).withoutAgenda();
        ActivityEvents.publish(activity, "planned");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> scheduleFor("US", "MM")
                .then().body("activity.activityId", equalTo(List.of(activity.id.toString())))
                .body("[0].notice.outcome", equalTo("PENDING")).body("[0].notice.missing", equalTo(List.of("AGENDA"))));

        MutableClock.advance(Duration.ofDays(11));

        TopicReader.Received incomplete = awaitNotice(activity, "outreach.notice.incomplete");
        assertThat(new JsonPath(incomplete.value()).getList("missing")).containsExactly("AGENDA");
        scheduleFor("US", "MM").then().body("activity.activityId", equalTo(List.of(activity.id.toString())))
                .body("[0].notice.outcome", equalTo("INCOMPLETE")).body("[0].notice.missing", equalTo(List.of("AGENDA")))
                .body("[0].notice.withheld", equalTo(false));
        assertThat(given().when().get(feed).then().statusCode(200).extract().asString()).contains(activity.id.toString());
        noticeFile("US", activity).then().statusCode(200).body("notice.outcome", equalTo("INCOMPLETE"));

        activity.version = 2;
        activity.agenda = List.of("Enforcement cases");
        ActivityEvents.publish(activity, "revised");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> scheduleFor("US", "MM")
                .then().body("activity.activityId", equalTo(List.of(activity.id.toString())))
                .body("[0].notice.shortNoticeChanges", equalTo(1)));
        awaitNotice(activity, "outreach.notice.short-notice-change");
        assertThat(notices.withKey(activity.id.toString())).extracting(r -> r.header("ce_type"))
                .containsExactly("outreach.notice.incomplete", "outreach.notice.short-notice-change");
    }

    @Test
    void flagsAChangeOfTheAgendaAfterTheDeadlineAsAShortNoticeChange() {
        ActivityEvents.Draft activity = new ActivityEvents.Draft("AU", "NP", 35);
        ActivityEvents.publish(activity, "planned");
        awaitNotice(activity, "outreach.notice.compliant");

        MutableClock.advance(Duration.ofDays(6));
        activity.version = 2;
        activity.agenda = List.of("A different agenda");
        ActivityEvents.publish(activity, "revised");

        TopicReader.Received change = awaitNotice(activity, "outreach.notice.short-notice-change");
        assertThat(new JsonPath(change.value()).getList("changed")).containsExactly("agenda");
        noticeFile("AU", activity).then().body("notice.outcome", equalTo("COMPLIANT")).body("notice.shortNoticeChanges", equalTo(1));
        given().header("Authorization", Agencies.bearer("JP")).queryParam("compliance", "SHORT_NOTICE_CHANGE").queryParam("limit", 1000).when().get("/schedule")
                .then().statusCode(200).body("activity.activityId", hasItem(activity.id.toString()));
    }

    @Test
    void appliesARedeliveredEventOnceAndIgnoresStaleVersions() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Subscriptions.webhook("AU", "SCHEDULES", receiver.url(), Map.of("recipients", List.of("BT")));
            ActivityEvents.Draft activity = new ActivityEvents.Draft("US", "BT", 70);
            String versionOne = activity.json();
            String firstId = UUID.randomUUID().toString();
            sendUs(activity, firstId, versionOne);
            activity.version = 2;
            activity.title = "Renamed consultation";
            ActivityEvents.publish(activity, "revised");

            sendUs(activity, firstId, versionOne);
            sendUs(activity, UUID.randomUUID().toString(), versionOne);
            activity.version = 3;
            ActivityEvents.publish(activity, "revised");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> noticeFile("US", activity).then().body("version", equalTo(3)));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() >= 3);
            assertThat(receiver.accepted()).extracting(c -> new JsonPath(c.body()).getInt("data.version")).containsExactly(1, 2, 3);
            noticeFile("US", activity).then().body("notices.kind", equalTo(List.of("COMPLIANT")));
        }
    }

    @Test
    void letsPartnersAcknowledgeANoticeAndShowsTheOrganizerEveryAcknowledgement() {
        ActivityEvents.Draft activity = new ActivityEvents.Draft("JP", "TL", 90);
        ActivityEvents.publish(activity, "planned");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> noticeFile("JP", activity).then().statusCode(200));
        String path = "/activities/" + activity.id + "/acknowledgements";

        given().header("Authorization", Agencies.bearer("US")).contentType("application/json").body(Map.of("verdict", "CONCUR"))
                .when().post(path).then().statusCode(200).body("verdict", equalTo("CONCUR"));
        given().header("Authorization", Agencies.bearer("AU")).contentType("application/json").body(Map.of("verdict", "CONCERN"))
                .when().post(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("comment")).body("errors[0].rule", equalTo("required"));
        given().header("Authorization", Agencies.bearer("AU")).contentType("application/json")
                .body(Map.of("verdict", "CONCERN", "comment", "Overlaps our customs training"))
                .when().post(path).then().statusCode(200);
        given().header("Authorization", Agencies.bearer("JP")).contentType("application/json").body(Map.of("verdict", "CONCUR"))
                .when().post(path).then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Agencies.bearer("AU")).contentType("application/json").body(Map.of("verdict", "MAYBE"))
                .when().post(path).then().statusCode(400).body("errors[0].field", equalTo("verdict"));

        noticeFile("JP", activity).then().body("acknowledgements.government", equalTo(List.of("US", "AU")))
                .body("acknowledgements[1].comment", equalTo("Overlaps our customs training"));
        noticeFile("US", activity).then().body("acknowledgements.government", equalTo(List.of("US")));
    }

    @Test
    void reportsComplianceOfAGovernmentForAPeriod() {
        ActivityEvents.Draft late = new ActivityEvents.Draft("AU", "MV", 3);
        ActivityEvents.Draft compliant = new ActivityEvents.Draft("AU", "MV", 120);
        ActivityEvents.publish(late, "planned");
        ActivityEvents.publish(compliant, "planned");
        awaitNotice(late, "outreach.notice.late");
        awaitNotice(compliant, "outreach.notice.compliant");

        JsonPath report = given().header("Authorization", Agencies.bearer("JP"))
                .queryParam("government", "AU").queryParam("from", late.start.toString()).queryParam("to", compliant.start.toString())
                .when().get("/compliance").then().statusCode(200).extract().jsonPath();

        assertThat(report.getList("items.activityId")).contains(late.id.toString(), compliant.id.toString());
        assertThat(report.getString("items.find { it.activityId == '" + late.id + "' }.outcome")).isEqualTo("LATE");
        assertThat(report.getString("items.find { it.activityId == '" + compliant.id + "' }.outcome")).isEqualTo("COMPLIANT");
        List<String> outcomes = report.getList("items.outcome");
        assertThat(report.getInt("late")).isEqualTo(outcomes.stream().filter("LATE"::equals).count()).isPositive();
        assertThat(report.getInt("compliant")).isEqualTo(outcomes.stream().filter("COMPLIANT"::equals).count()).isPositive();
        assertThat(report.getInt("activities")).isEqualTo(outcomes.size());
        given().header("Authorization", Agencies.bearer("JP")).queryParam("government", "AU").queryParam("from", "2026-02-01")
                .queryParam("to", "2026-01-01").when().get("/compliance")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    private static void sendUs(ActivityEvents.Draft activity, String ceId, String json) {
        ActivityEvents.sealed("US", activity.id.toString(), ceId, "outreach.activity.planned", json);
    }

    private static TopicReader.Received awaitNotice(ActivityEvents.Draft activity, String type) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> notices.withKey(activity.id.toString()).stream()
                .filter(r -> type.equals(r.header("ce_type"))).findFirst().orElse(null), r -> r != null);
    }

    private static io.restassured.response.Response noticeFile(String government, ActivityEvents.Draft activity) {
        return given().header("Authorization", Agencies.bearer(government)).when().get("/activities/" + activity.id + "/notice");
    }

    private static io.restassured.response.Response scheduleFor(String government, String recipient) {
        return given().header("Authorization", Agencies.bearer(government)).queryParam("recipient", recipient).when().get("/schedule");
    }
}
