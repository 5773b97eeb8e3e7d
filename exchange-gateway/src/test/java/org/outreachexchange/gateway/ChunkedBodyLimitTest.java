package org.outreachexchange.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the full fuzz run: a chunked body over 256 KiB sent to a resource that reads its body as text (to check
 * ownership first) was answered with a bare 413 and no problem. Sent chunked (no Content-Length), as the JDK's client
 * sends a body of unknown length.
 */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {@ResourceArg(name = "service", value = "exchange-gateway"),
        @ResourceArg(name = "consumers", value = "activities,evaluations"), @ResourceArg(name = "topics", value = GatewayTopics.OTHERS)})
class ChunkedBodyLimitTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aChunkedBodyOverTheLimitIsA413ProblemWhereverTheBodyIsReadAsText() throws Exception {
        for (String path : new String[]{"subscriptions/" + UUID.randomUUID(), "activities/" + UUID.randomUUID() + "/acknowledgements"}) {
            String method = path.startsWith("subscriptions") ? "PUT" : "POST";
            byte[] body = ("{\"comment\":\"" + "a".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(base.resolve(path)).header("Authorization", Agencies.bearer("US"))
                            .header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(method + " " + path).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type")).as(method + " " + path).hasValue("application/problem+json");
            assertThat(answer.body()).contains("\"status\":413");
        }
    }
}
