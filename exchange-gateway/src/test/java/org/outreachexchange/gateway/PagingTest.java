package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;
import org.outreachexchange.infra.WebhookReceiver;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class PagingTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Test
    void pagesTheScheduleByFirstDayThenIdWithALinkToEachNextPage() {
        List<ActivityEvents.Draft> drafts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            drafts.add(new ActivityEvents.Draft(i % 2 == 0 ? "JP" : "US", "SZ", 100 + (i % 3) * 10));
        }
        drafts.forEach(d -> ActivityEvents.publish(d, "planned"));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", Agencies.bearer("AU"))
                .queryParam("recipient", "SZ").queryParam("limit", 1000).get("/schedule").jsonPath().getList("").size() == 5);

        List<Map<String, Object>> pages = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (String url = "/schedule?recipient=SZ&limit=2"; url != null; ) {
            Response page = given().header("Authorization", Agencies.bearer("AU")).get(url);
            page.then().statusCode(200);
            List<Map<String, Object>> items = page.jsonPath().getList("activity");
            sizes.add(items.size());
            pages.addAll(items);
            url = next(page);
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        List<String> expected = drafts.stream().sorted(Comparator.<ActivityEvents.Draft, LocalDate>comparing(d -> d.start)
                .thenComparing(d -> d.id.toString())).map(d -> d.id.toString()).toList();
        assertThat(pages.stream().map(a -> (String) a.get("activityId")).toList()).containsExactlyElementsOf(expected);
    }

    @Test
    void pagesTheSubscriptionsOfAnAgencyInTheOrderTheyWereCreated() {
        String bearer = TestAgencies.bearer("JP", "PAGING-JP", Set.of());
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(given().header("Authorization", bearer).contentType("application/json")
                    .body(Map.of("kind", "SCHEDULES", "channel", "SSE")).post("/subscriptions").then().statusCode(201).extract().path("id"));
        }
        assertThat(follow(bearer, "/subscriptions?limit=2", "id")).containsExactlyElementsOf(created);
        Response last = given().header("Authorization", bearer).get("/subscriptions?limit=5");
        assertThat(last.header("Link")).as("no page follows the last").isNull();
    }

    @Test
    void pagesTheDeliveryLogNewestFirstWithEachDeliverysAttempts() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = Subscriptions.webhook("US", "SCHEDULES", receiver.url(), Map.of("recipients", List.of("SR"))).getString("id");
            for (int i = 0; i < 3; i++) {
                ActivityEvents.publish(new ActivityEvents.Draft("JP", "SR", 150 + i), "planned");
            }
            String path = "/subscriptions/" + id + "/deliveries";
            await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", Agencies.bearer("US"))
                    .queryParam("status", "DELIVERED").get(path).jsonPath().getList("").size() == 3);

            List<String> all = given().header("Authorization", Agencies.bearer("US")).get(path).jsonPath().getList("id");
            assertThat(follow(Agencies.bearer("US"), path + "?limit=1", "id")).containsExactlyElementsOf(all).hasSize(3);
            given().header("Authorization", Agencies.bearer("US")).queryParam("limit", 1).get(path)
                    .then().body("[0].attempts", equalTo(1)).body("[0].log.size()", equalTo(1)).body("[0].log[0].statusCode", equalTo(204))
                    .body("[0].eventType", equalTo("activity.planned"));
            given().header("Authorization", Agencies.bearer("US")).get("/subscriptions/" + id + "/dead-letters")
                    .then().statusCode(200).body("size()", equalTo(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/schedule", "/advisories", "/subscriptions", "/exchange-log",
            "/compliance?government=JP&from=2026-01-01&to=2026-12-31"})
    void refusesABadLimitOrCursorOnEveryListNamingTheParameter(String path) {
        String bearer = Agencies.bearer("JP");
        String join = path.contains("?") ? "&" : "?";
        for (String limit : List.of("0", "1001", "ten", "%00")) {
            given().header("Authorization", bearer).urlEncodingEnabled(false).get(path + join + "limit=" + limit)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"))
                    .body("errors[0].rule", equalTo(limit.equals("%00") ? "control-characters" : "range"));
        }
        for (String after : List.of("not-a-cursor", "%00", "AAAA")) {
            given().header("Authorization", bearer).urlEncodingEnabled(false).get(path + join + "after=" + after)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("after"))
                    .body("errors[0].rule", equalTo(after.equals("%00") ? "control-characters" : "cursor"));
        }
    }

    @Test
    void refusesABadLimitOrCursorOnTheOwnersDeliveryLogAndDeadLetters() {
        String id = Subscriptions.create("AU", Map.of("kind", "SCHEDULES", "channel", "SSE")).getString("id");
        for (String list : List.of("deliveries", "dead-letters")) {
            given().header("Authorization", Agencies.bearer("AU")).queryParam("limit", 0).get("/subscriptions/" + id + "/" + list)
                    .then().statusCode(400).body("errors[0].field", equalTo("limit"));
            given().header("Authorization", Agencies.bearer("AU")).queryParam("after", "x").get("/subscriptions/" + id + "/" + list)
                    .then().statusCode(400).body("errors[0].field", equalTo("after"));
        }
    }

    /** Every item's {@code field} over all pages, following Link rel=next from {@code first}. */
    private static List<String> follow(String bearer, String first, String field) {
        List<String> items = new ArrayList<>();
        for (String url = first; url != null; ) {
            Response page = given().header("Authorization", bearer).get(url);
            page.then().statusCode(200);
            items.addAll(page.jsonPath().getList(field));
            url = next(page);
        }
        return items;
    }

    private static String next(Response page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link);
        assertThat(matcher.find()).as(link).isTrue();
        return matcher.group(1);
    }
}
