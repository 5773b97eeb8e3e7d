package org.outreachexchange.scheduling;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outreachexchange.edge.Pages;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.scheduling.domain.ActivityRepository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.outreachexchange.scheduling.Requests.asMeti;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminar;
import static org.outreachexchange.scheduling.Requests.planned;

/** GET /activities pages with the shared limit and opaque cursor, in planning order as committed. */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "scheduling"), @ResourceArg(name = "chain", value = "JP")})
class PagingTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Inject
    DataSource dataSource;

    @Inject
    ActivityRepository activities;

    @Test
    void answersAHundredActivitiesByDefaultWithALinkToTheNext() {
        plannedAtLeast(Pages.DEFAULT_LIMIT + 1);

        Response page = asMeti().when().get("/activities").then().statusCode(200)
                .body("$", hasSize(Pages.DEFAULT_LIMIT)).extract().response();

        assertThat(next(page)).isPresent();
    }

    @Test
    void answersUpToAThousandWhenAskedAndNoLinkAfterTheLastPage() {
        long total = plannedAtLeast(Pages.DEFAULT_LIMIT + 1);

        Response page = asMeti().queryParam("limit", Pages.MAX_LIMIT).when().get("/activities").then().statusCode(200)
                .body("size()", lessThanOrEqualTo(Pages.MAX_LIMIT)).extract().response();

        if (total <= Pages.MAX_LIMIT) {
            assertThat(page.jsonPath().getList("id")).hasSize((int) total);
            assertThat(page.header("Link")).isNull();
        }
    }

    @ParameterizedTest(name = "limit={0} is a 400 naming limit")
    @ValueSource(strings = {"0", "-1", "1001", "ten", "1.5", "99999999999"})
    void refusesABadLimit(String limit) {
        asMeti().queryParam("limit", limit).when().get("/activities").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit")).body("errors[0].rule", equalTo("range"));
    }

    @ParameterizedTest(name = "after={0} is a 400 naming after")
    @ValueSource(strings = {"garbage!", "MTI", "bm90LWEtbnVtYmVyHzRiMGMwYThlLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA", "MTIfbm90LWEtdXVpZA"})
    void refusesAnAfterThatIsNoCursorOfOurs(String after) {
        asMeti().queryParam("after", after).when().get("/activities").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("after")).body("errors[0].rule", equalTo("cursor"));
    }

    @Test
    void walkingTheLinksVisitsEveryActivityExactlyOnceInPlanningOrder() {
        plannedAtLeast(25);
        List<String> expected = idsInListOrder("SELECT id FROM activity ORDER BY list_position");

        List<String> visited = walk("/activities?limit=7");

        assertThat(visited).hasSameSizeAs(new HashSet<>(visited));
        assertThat(visited).containsExactlyElementsOf(expected);
    }

    @Test
    void theLinkKeepsTheFilters() {
        plannedAtLeast(25);
        List<String> expected = idsInListOrder("SELECT id FROM activity WHERE status = 'PLANNED' "
                + "AND id IN (SELECT activity_id FROM activity_recipient WHERE country = 'MY') ORDER BY list_position");

        List<String> visited = walk("/activities?limit=4&status=PLANNED&recipient=MY");

        assertThat(visited).containsExactlyElementsOf(expected);
    }

    @Test
    void aWalkSeesAnActivityPlannedAfterItStartedOnceAndARevisionDoesNotMoveOne() {
        List<String> planned = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            planned.add(planned(legalAssistanceForNauru()));
        }
        Response first = asMeti().when().get("/activities?recipient=NR&type=LEGAL_ASSISTANCE&limit=2").then().statusCode(200)
                .body("id", equalTo(planned.subList(0, 2))).extract().response();
        Map<String, Object> narrowed = legalAssistanceForNauru();
        narrowed.put("schedule", Map.of("start", "2009-12-01", "end", "2009-12-02"));
        Requests.revise(planned.get(0), "\"1\"", narrowed).statusCode(200);
        String late = planned(legalAssistanceForNauru());

        List<String> visited = new ArrayList<>(first.jsonPath().getList("id"));
        visited.addAll(walk(next(first).orElseThrow()));

        planned.add(late);
        assertThat(visited).containsExactlyElementsOf(planned);
    }

    /**
     * A planner that drew its list position but has not committed holds back the next one: numbers are given in
     * commit order, so no activity can commit behind a position a reader already passed.
     */
    @Test
    void aPlanWaitsForTheEarlierUncommittedOneSoItsPositionIsNeverSkipped() {
        CompletableFuture<Long> drawn = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            drawn.complete(activities.nextListPosition());
            release.join();
        }));
        long held = drawn.join();

        CompletableFuture<String> plan = CompletableFuture.supplyAsync(() -> planned(malaysiaSeminar()));
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> !plan.isDone());

        release.complete(null);
        holder.join();
        String id = plan.join();
        assertThat(listPosition(id)).isGreaterThan(held);
    }

    private static Map<String, Object> legalAssistanceForNauru() {
        Map<String, Object> body = malaysiaSeminar();
        body.put("type", "LEGAL_ASSISTANCE");
        body.put("recipients", List.of("NR"));
        return body;
    }

    /** Plans until at least {@code count} activities exist; returns how many do. */
    private long plannedAtLeast(int count) {
        long existing = Tables.count(dataSource, "activity");
        for (long i = existing; i < count; i++) {
            planned(malaysiaSeminar());
        }
        return Math.max(existing, count);
    }

    private static List<String> walk(String url) {
        List<String> visited = new ArrayList<>();
        Optional<String> next = Optional.of(url);
        int pages = 0;
        while (next.isPresent()) {
            assertThat(++pages).as("pages walked").isLessThan(10_000);
            Response page = asMeti().urlEncodingEnabled(false).when().get(next.get()).then().statusCode(200).extract().response();
            visited.addAll(page.jsonPath().getList("id"));
            next = next(page);
        }
        return visited;
    }

    private static Optional<String> next(Response page) {
        String link = page.header("Link");
        if (link == null) {
            return Optional.empty();
        }
        Matcher matcher = NEXT.matcher(link);
        assertThat(matcher.find()).as("Link " + link).isTrue();
        return Optional.of(matcher.group(1));
    }

    private List<String> idsInListOrder(String sql) {
        try (Connection connection = dataSource.getConnection(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long listPosition(String id) {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT list_position FROM activity WHERE id = ?")) {
            statement.setObject(1, UUID.fromString(id));
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
