package org.outreachexchange.scheduling;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.fuzz.FuzzClient;
import org.outreachexchange.infra.fuzz.FuzzExamples;
import org.outreachexchange.infra.fuzz.FuzzReport;
import org.outreachexchange.infra.fuzz.FuzzRequests;
import org.outreachexchange.infra.fuzz.FuzzTargets;
import org.outreachexchange.infra.fuzz.Fuzzer;
import org.outreachexchange.infra.fuzz.TableCounts;
import org.outreachexchange.infra.fuzz.TestCredentials;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reduced fuzz run of issue 12 (the full one is deploy/fuzz.sh): requests generated from the service's own OpenAPI
 * document with a fixed seed. Every table is counted, the outbox included; none is left out.
 */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "scheduling"), @ResourceArg(name = "chain", value = "JP")})
class FuzzTest {

    private static final long SEED = 20081224L;
    private static final int REQUESTS = 400;
    /** The REST-edge contract's resource that fails on purpose (served in tests only). */
    private static final String CONTRACT_FAILURE = "/rest-edge-contract/";

    @TestHTTPResource("/")
    URI base;
    @TestHTTPResource(value = "openapi", management = true)
    URI openapi;
    @Inject
    DataSource dataSource;

    @Test
    void hostileRequestsAreRefusedAsProblemsAndStoreNothing() {
        FuzzRequests requests = new FuzzRequests(SEED, FuzzTargets.read(openapi).without(CONTRACT_FAILURE), TestCredentials.of("JP", "METI", "US"),
                FuzzExamples.SCHEDULING);
        FuzzReport report;
        try (TableCounts tables = new TableCounts(dataSource::getConnection, Set.of())) {
            report = new Fuzzer("scheduling-service", requests, new FuzzClient(base, Duration.ofSeconds(30)), tables).run(REQUESTS);
        }

        System.out.println(report.summary());
        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.count(200, 300)).as("accepted requests (the fuzz reaches the service's logic)").isPositive();
        assertThat(report.statuses()).as("answers by status").containsKeys(400, 401, 404);
    }
}
