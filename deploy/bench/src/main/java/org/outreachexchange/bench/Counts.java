package org.outreachexchange.bench;

import org.outreachexchange.deploy.LocalStack;
import org.outreachexchange.deploy.ServiceSpec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Effects in the services' databases, read directly by the harness to count losses and duplicated effects. */
final class Counts {

    private final LocalStack stack;

    Counts(LocalStack stack) {
        this.stack = stack;
    }

    /** Activities a scheduling-service holds for a run's prefix; more than it was asked to plan is a duplicated effect. */
    long scheduled(String government, String prefix) {
        return count(ServiceSpec.scheduling(government), "SELECT count(*) FROM activity WHERE title LIKE ?", prefix + "%");
    }

    long evaluationTracked(String prefix) {
        return count(ServiceSpec.EVALUATION, "SELECT count(*) FROM tracked_activity WHERE title LIKE ?", prefix + "%");
    }

    long gatewayActivities(String prefix) {
        return count(ServiceSpec.GATEWAY, "SELECT count(*) FROM activity WHERE snapshot LIKE ?", "%" + prefix + "%");
    }

    /** (subscription, activity) pairs with more than one feed entry of the same event type: the gateway applied an event twice. */
    long gatewayDuplicatedFeedEntries(String prefix) {
        return count(ServiceSpec.GATEWAY,
                "SELECT count(*) FROM (SELECT subscription_id, subject, event_type FROM feed_entry WHERE payload LIKE ?"
                        + " GROUP BY subscription_id, subject, event_type HAVING count(*) > 1) d", "%" + prefix + "%");
    }

    /** Pending deliveries a gateway process holds leases on (its replica name ends in its process id). */
    long gatewayLeasesHeldBy(long pid) {
        return count(ServiceSpec.GATEWAY, "SELECT count(*) FROM delivery WHERE status = 'PENDING' AND leased_by LIKE ?"
                + " AND lease_until > clock_timestamp()", "%/" + pid);
    }

    private long count(String service, String sql, String parameter) {
        try (Connection c = Stack.connect(stack, service); PreparedStatement s = c.prepareStatement(sql)) {
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
