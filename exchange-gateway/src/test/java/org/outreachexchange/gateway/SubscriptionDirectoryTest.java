package org.outreachexchange.gateway;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.outreachexchange.gateway.domain.SubscriptionKind;
import org.outreachexchange.gateway.domain.SubscriptionRepository;
import org.outreachexchange.gateway.service.SubscriptionDirectory;
import org.outreachexchange.infra.OutreachTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory against the real database: whatever changes a subscription, through the API, by SQL as another
 * replica or an operator would, or in a transaction that rolls back, the next transaction's directory shows it as it
 * was committed.
 */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class SubscriptionDirectoryTest {

    @Inject
    SubscriptionDirectory directory;
    @Inject
    SubscriptionRepository subscriptions;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSubscriptionCreatedChangedDisabledAndDeletedThroughTheApiIsShownSoInTheNextTransaction() {
        String bearer = Agencies.bearer("AU");
        UUID id = UUID.fromString(Subscriptions.create("AU", Map.of("kind", "SCHEDULES", "channel", "SSE",
                "filters", Map.of("governments", List.of("JP")))).getString("id"));
        assertThat(activeSchedules(id)).hasValueSatisfying(s -> {
            assertThat(s.government()).isEqualTo("AU");
            assertThat(s.filters().governments()).containsExactly("JP");
        });

        change(bearer, id, "SCHEDULES", Map.of("governments", List.of("US")), true);
        assertThat(activeSchedules(id)).hasValueSatisfying(s -> assertThat(s.filters().governments()).containsExactly("US"));

        change(bearer, id, "SCHEDULES", Map.of("governments", List.of("US")), false);
        assertThat(activeSchedules(id)).as("no longer fanned out to").isEmpty();
        assertThat(byId(id)).as("still found by id for its queued deliveries")
                .hasValueSatisfying(s -> assertThat(s.active()).isFalse());

        given().header("Authorization", bearer).when().delete("/subscriptions/" + id).then().statusCode(204);
        assertThat(byId(id)).isEmpty();
    }

    @Test
    void aSubscriptionCreatedChangedAndDeletedByPlainSqlAsAnotherReplicaWouldIsShownInTheNextTransaction() throws SQLException {
        UUID id = UUID.randomUUID();
        assertThat(activeSchedules(id)).as("the snapshot is read before the row exists").isEmpty();

        sql("INSERT INTO subscription (id, government, agency, kind, channel, filters, active, created_at) "
                + "VALUES (?, 'US', 'DOC', 'SCHEDULES', 'SSE', '{\"recipients\":[\"MY\"]}', true, now())", id);
        assertThat(activeSchedules(id)).hasValueSatisfying(s -> assertThat(s.filters().recipients()).containsExactly("MY"));

        sql("UPDATE subscription SET active = false, disabled_reason = 'by hand' WHERE id = ?", id);
        assertThat(activeSchedules(id)).isEmpty();
        assertThat(byId(id)).hasValueSatisfying(s -> assertThat(s.disabledReason()).isEqualTo("by hand"));

        sql("DELETE FROM subscription WHERE id = ?", id);
        assertThat(byId(id)).isEmpty();
    }

    @Test
    void aChangeRolledBackIsNotShownAfterwardsAndTheNextCommittedChangeIs() {
        String bearer = Agencies.bearer("US");
        UUID id = UUID.fromString(Subscriptions.create("US", Map.of("kind", "REEVALUATIONS", "channel", "SSE")).getString("id"));
        QuarkusTransaction.begin();
        try {
            subscriptions.findById(id).disable("rolled back");
            assertThat(directory.byIds(List.of(id)).get(id).active()).as("the transaction sees its own change").isFalse();
        } finally {
            QuarkusTransaction.rollback();
        }

        // Straight after the rollback, with no read between: the directory must not take this change's generation
        // for the one its snapshot was read at in the rolled-back transaction.
        change(bearer, id, "REEVALUATIONS", Map.of("countries", List.of("TH")), true);
        SubscriptionDirectory.Entry shown = QuarkusTransaction.requiringNew().call(() -> directory.byIds(List.of(id)).get(id));
        assertThat(shown.active()).isTrue();
        assertThat(shown.filters().countries()).containsExactly("TH");
    }

    private Optional<SubscriptionDirectory.Entry> activeSchedules(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> directory.activeOfKind(SubscriptionKind.SCHEDULES).stream()
                .filter(s -> s.id().equals(id)).findFirst());
    }

    private Optional<SubscriptionDirectory.Entry> byId(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(directory.byIds(List.of(id)).get(id)));
    }

    private static void change(String bearer, UUID id, String kind, Map<String, Object> filters, boolean active) {
        given().header("Authorization", bearer).contentType("application/json")
                .body(Map.of("kind", kind, "channel", "SSE", "filters", filters, "active", active))
                .when().put("/subscriptions/" + id).then().statusCode(200);
    }

    private void sql(String statement, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(statement)) {
            update.setObject(1, id);
            update.executeUpdate();
        }
    }
}
