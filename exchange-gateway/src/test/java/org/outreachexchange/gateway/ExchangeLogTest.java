package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.outreachexchange.identity.ExchangeLog;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;

import javax.sql.DataSource;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class ExchangeLogTest {

    private static final String CONSUMER = "exchange-gateway.activities";
    /** Every key each government sealed with; EventTrustTest may have rotated JP's before this class runs. */
    private static final Map<String, List<PublicKey>> EVENT_KEYS = Map.of(
            "JP", List.of(TestAgencies.eventKeys("JP").getPublic(), TestAgencies.rotatedEventKeys("JP").getPublic()),
            "US", List.of(TestAgencies.eventKeys("US").getPublic()), "AU", List.of(TestAgencies.eventKeys("AU").getPublic()));

    @Inject
    DataSource dataSource;

    @Test
    void anExportVerifiesAndShowsARestrictedActivityOnlyToItsOrganizerAndNamedPartners() throws Exception {
        ActivityEvents.Draft open = new ActivityEvents.Draft("JP", "TO", 60);
        ActivityEvents.Draft restricted = new ActivityEvents.Draft("JP", "TO", 61).restrictedTo("US");
        restricted.title = "Closed consultation on transshipment";
        ActivityEvents.publish(open, "planned");
        ActivityEvents.publish(restricted, "planned");
        await().atMost(Duration.ofSeconds(30)).until(() -> export("JP", "JP").contains(restricted.id.toString()));

        String australia = export("AU", "JP");
        String unitedStates = export("US", "JP");

        assertThat(australia).contains(open.id.toString()).doesNotContain(restricted.id.toString())
                .doesNotContain("transshipment").contains("\"redacted\":true");
        assertThat(unitedStates).contains(restricted.id.toString()).contains("transshipment");
        for (String export : List.of(australia, unitedStates, export("JP", "JP"))) {
            ExchangeLog.Report report = ExchangeLog.verifyWithKeyRings(ExchangeLog.read(export), EVENT_KEYS, Map.of());
            assertThat(report.problems()).isEmpty();
            assertThat(report.entries().get("JP")).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void anEntryChangedByOneByteOrDeletedInTheStoreIsLocatedByTheVerifier() throws Exception {
        ActivityEvents.Draft activity = new ActivityEvents.Draft("AU", "FJ", 70);
        ActivityEvents.Draft later = new ActivityEvents.Draft("AU", "FJ", 71);
        ActivityEvents.publish(activity, "planned");
        ActivityEvents.publish(later, "planned");
        await().atMost(Duration.ofSeconds(30)).until(() -> export("AU", "AU").contains(later.id.toString()));
        long sequence = sequenceOf(activity.id.toString());
        String data = column(sequence, "data");

        try {
            update("UPDATE exchange_log SET data = ? WHERE consumer = ? AND chain = 'AU' AND sequence = ?",
                    data.replace("\"FJ\"", "\"FK\""), sequence);
            assertThat(problems()).containsExactly("AU #" + sequence + ": signature does not verify: the entry was changed after AU signed it");
        } finally {
            update("UPDATE exchange_log SET data = ? WHERE consumer = ? AND chain = 'AU' AND sequence = ?", data, sequence);
        }
        assertThat(problems()).isEmpty();

        List<Object> row = deleteRow(sequence);
        try {
            assertThat(problems()).contains("AU #" + sequence + ": missing");
        } finally {
            restoreRow(row);
        }
        assertThat(problems()).isEmpty();
    }

    @Test
    void pagesCarryACursorToTheNextPageAndRefuseAnUnusableOne() {
        for (int i = 0; i < 3; i++) {
            ActivityEvents.publish(new ActivityEvents.Draft("US", "WS", 80 + i), "planned");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> new JsonPath(export("US", "US")).getList("entries").size() >= 3);

        var firstPage = given().header("Authorization", Agencies.bearer("US")).queryParam("government", "US").queryParam("limit", 2)
                .when().get("/exchange-log").then().statusCode(200).extract();
        JsonPath first = firstPage.jsonPath();
        assertThat(firstPage.header("Link")).as("the next page's link carries the same cursor")
                .contains("after=" + first.getString("next")).endsWith("; rel=\"next\"");
        List<Long> sequences = new ArrayList<>(first.getList("entries.sequence", Long.class));
        JsonPath second = given().header("Authorization", Agencies.bearer("US")).queryParam("government", "US")
                .queryParam("limit", 2).queryParam("after", first.getString("next"))
                .when().get("/exchange-log").then().statusCode(200).extract().jsonPath();
        sequences.addAll(second.getList("entries.sequence", Long.class));

        assertThat(sequences).startsWith(1L, 2L, 3L);
        given().header("Authorization", Agencies.bearer("US")).queryParam("after", "yesterday").when().get("/exchange-log")
                .then().statusCode(400);
        given().header("Authorization", Agencies.bearer("US")).queryParam("limit", 5000).when().get("/exchange-log")
                .then().statusCode(400);
        given().when().get("/exchange-log").then().statusCode(401);
    }

    /** The caller's full export of one government's chain, one page per line as the CLI's fetch-log writes it. */
    private static String export(String caller, String government) {
        StringBuilder lines = new StringBuilder();
        String after = null;
        do {
            var request = given().header("Authorization", Agencies.bearer(caller)).queryParam("government", government)
                    .queryParam("limit", 50);
            if (after != null) {
                request.queryParam("after", after);
            }
            String page = request.when().get("/exchange-log").then().statusCode(200).extract().asString();
            lines.append(page).append('\n');
            after = new JsonPath(page).getString("next");
        } while (after != null);
        return lines.toString();
    }

    private static List<String> problems() throws Exception {
        return ExchangeLog.verifyWithKeyRings(ExchangeLog.read(export("AU", "AU")), EVENT_KEYS, Map.of()).problems().stream()
                .map(ExchangeLog.Problem::toString).toList();
    }

    private long sequenceOf(String activityId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT sequence FROM exchange_log WHERE consumer = ? AND chain = 'AU' AND subject = ?")) {
            s.setString(1, CONSUMER);
            s.setString(2, activityId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String column(long sequence, String column) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + column + " FROM exchange_log WHERE consumer = ? AND chain = 'AU' AND sequence = ?")) {
            s.setString(1, CONSUMER);
            s.setLong(2, sequence);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void update(String sql, String value, long sequence) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            s.setString(2, CONSUMER);
            s.setLong(3, sequence);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private List<Object> deleteRow(long sequence) throws SQLException {
        List<Object> row = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM exchange_log WHERE consumer = ? AND chain = 'AU' AND sequence = ?")) {
                s.setString(1, CONSUMER);
                s.setLong(2, sequence);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM exchange_log WHERE consumer = ? AND chain = 'AU' AND sequence = ?")) {
                s.setString(1, CONSUMER);
                s.setLong(2, sequence);
                s.executeUpdate();
            }
        }
        return row;
    }

    private void restoreRow(List<Object> row) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(row.size(), "?"));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO exchange_log VALUES (" + marks + ")")) {
            for (int i = 0; i < row.size(); i++) {
                s.setObject(i + 1, row.get(i));
            }
            s.executeUpdate();
        }
    }
}
