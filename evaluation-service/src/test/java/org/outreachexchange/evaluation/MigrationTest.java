package org.outreachexchange.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.Factor;
import org.outreachexchange.evaluation.domain.Mutation;
import org.outreachexchange.evaluation.domain.Sufficiency;
import org.outreachexchange.infra.PostgresServer;
import org.outreachexchange.infra.TestInfrastructure;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V2 and V3 keep what V1 held: assessment proposals become ASSESSMENT proposals, activities tracked before fail closed,
 * and JSON held as text becomes JSONB.
 */
class MigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void anAssessmentProposalAndATrackedActivityOfVersion1SurviveTheMigrationToProposals() throws Exception {
        String url = TestInfrastructure.newDatabase("evaluation-migration");
        Flyway.configure().dataSource(url, PostgresServer.USER, PostgresServer.PASSWORD).locations("classpath:db/migration")
                .target("1").load().migrate();
        UUID proposal = UUID.randomUUID();
        UUID activity = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO country_evaluation VALUES ('LK', 'Sri Lanka', '{}', '{}', 'CATEGORY_1', 0.3, 'LOW', 19, 1, 1, now())");
            s.execute("INSERT INTO assessment_proposal VALUES ('" + proposal + "', 'LK', 'JP', 'METI', now(), 'Transshipment grew',"
                    + " '{\"INTENTION\":{\"assessment\":\"SUFFICIENT\",\"evidence\":\"Decree 7\",\"source\":\"Partner assessment\",\"asOf\":\"2008-07-01\"}}',"
                    + " '{\"TRADE_VOLUME\":0.5}', 'OPEN', null, '[{\"government\":\"US\",\"agency\":\"DOC\",\"kind\":\"CONCURRENCE\",\"comment\":null,\"at\":\"2008-07-02T00:00:00Z\"}]', 1)");
            s.execute("INSERT INTO tracked_activity VALUES ('" + activity + "', 1, 'JP', 'BILATERAL_CONSULTATION', 'PLANNED',"
                    + " 'Consultation', '[\"LK\"]', '2008-09-01', '2008-09-30', now())");
        }

        Flyway.configure().dataSource(url, PostgresServer.USER, PostgresServer.PASSWORD).locations("classpath:db/migration")
                .load().migrate();

        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT kind, countries, changes, proposed_by, status, responses, audience,"
                    + " activity_id, lock_version FROM proposal WHERE id = '" + proposal + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("kind")).isEqualTo("ASSESSMENT");
                assertThat(JSON.readValue(rs.getString("countries"), new TypeReference<java.util.List<String>>() { })).containsExactly("LK");
                Map<String, Mutation> changes = JSON.readValue(rs.getString("changes"), new TypeReference<Map<String, Mutation>>() { });
                assertThat(changes).containsOnlyKeys("LK");
                assertThat(changes.get("LK").elements().get(Element.INTENTION).assessment()).isEqualTo(Sufficiency.SUFFICIENT);
                assertThat(changes.get("LK").elements().get(Element.INTENTION).evidence()).isEqualTo("Decree 7");
                assertThat(changes.get("LK").elements().get(Element.INTENTION).restricted()).isFalse();
                assertThat(changes.get("LK").factors().get(Factor.TRADE_VOLUME)).isEqualByComparingTo(new BigDecimal("0.5"));
                assertThat(rs.getString("proposed_by")).isEqualTo("JP");
                assertThat(rs.getString("status")).isEqualTo("OPEN");
                assertThat(JSON.readTree(rs.getString("responses"))).hasSize(1);
                assertThat(rs.getString("audience")).isNull();
                assertThat(rs.getString("activity_id")).isNull();
                assertThat(rs.getInt("lock_version")).isEqualTo(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT distribution_scope, distribution_governments FROM tracked_activity")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("distribution_scope")).isEqualTo("NAMED_PARTNERS");
                assertThat(rs.getString("distribution_governments")).isEqualTo("[]");
            }
        }
    }
}
