package org.outreachexchange.scheduling;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.HttpServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "scheduling"), @ResourceArg(name = "chain", value = "JP")})
class ServiceEndpointsTest {

    @Inject
    HttpServer server;

    @Test
    void reportsHealthIncludingTheDatabase() {
        given().when().get(management() + "/health").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get(management() + "/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void describesTheApiInOpenApiWithBearerSecurity() {
        given().queryParam("format", "json").when().get(management() + "/openapi").then().statusCode(200)
                .body(containsString("/activities/{id}/completion"))
                .body(containsString("Idempotency-Key"))
                .body(containsString("bearer"));
    }

    @Test
    void servesSwaggerUi() {
        given().when().get(management() + "/swagger-ui/").then().statusCode(200);
    }

    @Test
    void keepsManagementEndpointsOffTheApiPort() {
        for (String path : new String[] {"/q/health", "/q/metrics", "/q/openapi", "/q/swagger-ui/"}) {
            given().when().get(path).then().statusCode(404);
        }
    }

    @Test
    void publishesTheEventSchemaAndExamplesWithoutAToken() {
        given().when().get("/schemas/activity-event.schema.json").then().statusCode(200)
                .body("title", containsString("Outreach activity event"));
        given().when().get("/schemas/examples/activity-completed.json").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
    }

    /** Where the management interface (health, metrics, OpenAPI) listens; a random port in tests. */
    private String management() {
        return "http://localhost:" + server.getManagementPort() + "/q";
    }
}
