package org.outreachexchange.scheduling;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestInfrastructure;
import org.outreachexchange.infra.TopicReader;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.outreachexchange.scheduling.Requests.asMeti;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminar;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "scheduling"), @ResourceArg(name = "chain", value = "JP")})
class IdempotencyTest {

    @Inject
    DataSource dataSource;

    @Test
    void retriedPostWithTheSameKeyCreatesOneActivityAndPublishesOneEvent() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = uniquelyTitled(key);

        ExtractableResponse<Response> first = post(key, body);
        ExtractableResponse<Response> retry = post(key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        String id = first.path("id");
        assertThat((String) retry.path("id")).isEqualTo(id);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(Tables.count(dataSource, "activity", "title = ?", body.get("title"))).isEqualTo(1);
        try (TopicReader topic = TopicReader.follow(TestInfrastructure.kafka().bootstrapServers(), "outreach.activities.jp")) {
            topic.await(id, 1);
            assertThat(topic.awaitQuiet(id, Duration.ofSeconds(2))).hasSize(1);
        }
    }

    @Test
    void concurrentRetriesWithTheSameKeyCreateOneActivity() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = uniquelyTitled(key);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ExtractableResponse<Response>>> retries = IntStream.range(0, 4)
                    .<Callable<ExtractableResponse<Response>>>mapToObj(i -> () -> post(key, body)).toList();
            List<ExtractableResponse<Response>> responses = pool.invokeAll(retries).stream().map(IdempotencyTest::join).toList();

            assertThat(responses).extracting(ExtractableResponse::statusCode).containsOnly(201);
            assertThat(responses).extracting(r -> (String) r.path("id")).containsOnly((String) responses.get(0).path("id"));
            assertThat(Tables.count(dataSource, "activity", "title = ?", body.get("title"))).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesTheSameKeyForADifferentRequest() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = uniquelyTitled(key);
        assertThat(post(key, body).statusCode()).isEqualTo(201);
        Map<String, Object> other = uniquelyTitled(key);
        other.put("recipients", List.of("TH"));

        asMeti().header("Idempotency-Key", key).body(other).when().post("/activities").then()
                .statusCode(422).contentType("application/problem+json").body("status", equalTo(422));

        assertThat(Tables.count(dataSource, "activity", "title = ?", body.get("title"))).isEqualTo(1);
    }

    @Test
    void plansAgainUnderADifferentKey() {
        Map<String, Object> body = uniquelyTitled(UUID.randomUUID().toString());

        String first = post(UUID.randomUUID().toString(), body).path("id");
        String second = post(UUID.randomUUID().toString(), body).path("id");

        assertThat(second).isNotEqualTo(first);
        assertThat(Tables.count(dataSource, "activity", "title = ?", body.get("title"))).isEqualTo(2);
    }

    private static Map<String, Object> uniquelyTitled(String key) {
        Map<String, Object> body = malaysiaSeminar();
        body.put("title", "Seminar " + key);
        return body;
    }

    private static ExtractableResponse<Response> post(String key, Map<String, Object> body) {
        return asMeti().header("Idempotency-Key", key).body(body).when().post("/activities").then().extract();
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
