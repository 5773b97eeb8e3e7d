package org.outreachexchange.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Effects in the services' databases, read directly by the harness to count losses and duplicated effects. */
final class Counts {

    private final Stack stack;

    Counts(Stack stack) {
        this.stack = stack;
    }

    /** Activities a scheduling-service holds for a run's prefix; more than it was asked to plan is a duplicated effect. */
    long scheduled(String government, String prefix) {
        String service = Stack.scheduling(government);
        return count(stack.postgresOf(service), Stack.database(service), "SELECT count(*) FROM activity WHERE title LIKE ?", prefix + "%");
    }

    long evaluationTracked(String prefix) {
        return count(stack.sharedPostgres(), Stack.database(Stack.EVALUATION), "SELECT count(*) FROM tracked_activity WHERE title LIKE ?", prefix + "%");
    }

    long gatewayActivities(String prefix) {
        return count(stack.sharedPostgres(), Stack.database(Stack.GATEWAY), "SELECT count(*) FROM activity WHERE snapshot LIKE ?", "%" + prefix + "%");
    }

    /** (subscription, activity) pairs with more than one feed entry of the same event type: the gateway applied an event twice. */
    long gatewayDuplicatedFeedEntries(String prefix) {
        return count(stack.sharedPostgres(), Stack.database(Stack.GATEWAY),
                "SELECT count(*) FROM (SELECT subscription_id, subject, event_type FROM feed_entry WHERE payload LIKE ?"
                        + " GROUP BY subscription_id, subject, event_type HAVING count(*) > 1) d", "%" + prefix + "%");
    }

    private static long count(PgServer server, String database, String sql, String parameter) {
        try (Connection c = server.connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }
}
