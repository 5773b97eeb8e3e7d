package org.outreachexchange.scheduling;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.fuzz.FuzzExamples;
import org.outreachexchange.infra.fuzz.FuzzReport;
import org.outreachexchange.infra.fuzz.Fuzzer;
import org.outreachexchange.infra.fuzz.TestCredentials;

import javax.sql.DataSource;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reduced fuzz run of issue 12 (the full one is deploy/fuzz.sh): requests generated from the service's own OpenAPI
 * document with a fixed seed ({@link Fuzzer#reducedRun}). Every table is counted, the outbox included; none is left out.
 */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "scheduling"), @ResourceArg(name = "chain", value = "JP")})
class FuzzTest {

    @TestHTTPResource("/")
    URI base;
    @TestHTTPResource(value = "openapi", management = true)
    URI openapi;
    @Inject
    DataSource dataSource;

    @Test
    void hostileRequestsAreRefusedAsProblemsAndStoreNothing() {
        FuzzReport report = Fuzzer.reducedRun("scheduling-service", base, openapi, dataSource::getConnection,
                TestCredentials.of("JP", "METI", "US"), FuzzExamples.SCHEDULING);

        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.count(200, 300)).as("accepted requests (the fuzz reaches the service's logic)").isPositive();
        assertThat(report.statuses()).as("answers by status").containsKeys(400, 401, 404);
    }
}
