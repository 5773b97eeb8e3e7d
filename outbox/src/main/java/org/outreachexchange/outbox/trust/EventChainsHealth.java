package org.outreachexchange.outbox.trust;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Readiness detail on the chains this service writes and verifies: how far each has come, and for each government the
 * events refused since start with the last reason. Refusals do not make the service unready (it still serves every
 * other government, and the refused government's good events), so the detail and the
 * {@code outreach_events_refused_total} metric are what operators watch.
 */
@Readiness
@Default
@ApplicationScoped
public class EventChainsHealth implements HealthCheck {

    private final DataSource dataSource;
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
    private final Map<String, String> lastRefusal = new ConcurrentHashMap<>();

    EventChainsHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void refused(UntrustedEventException e) {
        String government = e.government() == null ? "unknown" : e.government();
        refused.computeIfAbsent(government, g -> new AtomicLong()).incrementAndGet();
        lastRefusal.put(government, e.reason() + ": " + e.getMessage());
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-chains").up();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT chain, sequence FROM outbox_chain ORDER BY chain")) {
                while (rs.next()) {
                    response.withData("writes " + rs.getString(1), "#" + rs.getLong(2));
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT consumer, chain, sequence FROM event_chain_head ORDER BY 1, 2")) {
                while (rs.next()) {
                    response.withData(rs.getString(1) + " verified " + rs.getString(2), "#" + rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            return response.down().withData("error", "cannot read the chains: " + e.getMessage()).build();
        }
        refused.forEach((government, count) -> response.withData("refused " + government, count.get()));
        lastRefusal.forEach((government, reason) -> response.withData("last refusal " + government, reason));
        return response.build();
    }
}
