package org.outreachexchange.scheduling;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;

import java.net.URI;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "scheduling"), @ResourceArg(name = "chain", value = "JP")})
class ServiceEndpointsTest {

    @TestHTTPResource(value = "health", management = true)
    URI health;
    @TestHTTPResource(value = "metrics", management = true)
    URI metrics;
    @TestHTTPResource(value = "openapi", management = true)
    URI openapi;
    @TestHTTPResource(value = "swagger-ui/", management = true)
    URI swaggerUi;

    @Test
    void reportsHealthIncludingTheDatabase() {
        given().when().get(health).then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void describesTheApiInOpenApiWithBearerSecurity() {
        given().queryParam("format", "json").when().get(openapi).then().statusCode(200)
                .body(containsString("/activities/{id}/completion"))
                .body(containsString("Idempotency-Key"))
                .body(containsString("bearer"));
    }

    @Test
    void servesSwaggerUi() {
        given().when().get(swaggerUi).then().statusCode(200);
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
}
