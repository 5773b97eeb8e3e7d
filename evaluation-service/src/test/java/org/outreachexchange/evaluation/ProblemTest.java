package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.TestAgencies;

import java.net.URI;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class ProblemTest {

    @TestHTTPResource(value = "health", management = true)
    URI health;
    @TestHTTPResource(value = "metrics", management = true)
    URI metrics;
    @TestHTTPResource(value = "openapi", management = true)
    URI openapi;
    @TestHTTPResource(value = "swagger-ui/", management = true)
    URI swaggerUi;

    static final String JP = TestAgencies.bearer("JP", "METI");

    @Test
    void refusesRequestsWithoutATokenOrFromAGovernmentNotTrusted() {
        given().when().get("/evaluations").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestAgencies.bearer(TestAgencies.STRANGER, "MOT")).when().get("/evaluations")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void answersAnUnknownOrMalformedCountryWith404() {
        given().header("Authorization", JP).when().get("/evaluations/IL").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).body("instance", equalTo("/evaluations/IL"));
        given().header("Authorization", JP).when().get("/evaluations/malaysia").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", JP).when().get("/evaluations/IL/history").then().statusCode(404);
    }

    @Test
    void namesTheBadFilterOrSortOrDate() {
        given().header("Authorization", JP).queryParam("category", "CATEGORY_9").when().get("/evaluations").then()
                .statusCode(400).body("errors[0].field", equalTo("category")).body("errors[0].rule", equalTo("enum"));
        given().header("Authorization", JP).queryParam("sort", "name").when().get("/evaluations").then()
                .statusCode(400).body("errors[0].field", equalTo("sort"));
        given().header("Authorization", JP).queryParam("at", "July 2008").when().get("/evaluations/TH").then()
                .statusCode(400).body("errors[0].field", equalTo("at"));
    }

    @Test
    void filtersAndSortsByPriority() {
        given().header("Authorization", JP).queryParam("category", "CATEGORY_4").queryParam("sort", "priority")
                .when().get("/evaluations").then().statusCode(200).body("$", hasSize(4))
                .body("category", everyItem(equalTo("CATEGORY_4")));
    }

    @Test
    void answersMalformedJsonAndUnknownEnumValuesWithProblemsNamingTheField() {
        given().header("Authorization", JP).contentType(ContentType.JSON).body("{\"country\": \"MY\", ")
                .when().post("/assessments").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body")).body("detail", not(containsString("at org.")));
        given().header("Authorization", JP).contentType(ContentType.JSON)
                .body("{\"country\":\"MY\",\"rationale\":\"x\",\"elements\":{\"INTENTION\":{\"assessment\":\"GOOD\",\"evidence\":\"e\"}}}")
                .when().post("/assessments").then().statusCode(400)
                .body("errors[0].field", equalTo("elements.INTENTION.assessment"));
        given().header("Authorization", JP).contentType(ContentType.JSON).when().post("/criteria").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void refusesABodyOver256KiB() {
        given().header("Authorization", JP).contentType(ContentType.JSON)
                .body("{\"rationale\":\"" + "x".repeat(300 * 1024) + "\"}")
                .when().post("/assessments").then().statusCode(413);
    }

    @Test
    void servesReferenceTablesAsTheSourceDocumentStatesThem() {
        given().header("Authorization", JP).when().get("/reference/categories").then().statusCode(200)
                .body("$", hasSize(5))
                .body("find { it.category == 'CATEGORY_2' }.objective", equalTo("Establish strict legal system"))
                .body("find { it.category == 'CATEGORY_2' }.tools.tool",
                        equalTo(java.util.List.of("LEGAL_ASSISTANCE", "OFFICER_TRAINING", "INDUSTRY_OUTREACH_SEMINAR")))
                .body("find { it.category == 'CATEGORY_2' }.tools.ifNecessary", equalTo(java.util.List.of(false, false, true)));
        given().header("Authorization", JP).when().get("/reference/role-sharing").then().statusCode(200)
                .body("$", hasSize(4))
                .body("find { it.category == 'CATEGORY_4' }.leads.US.tool", equalTo(java.util.List.of("OFFICER_TRAINING")))
                .body("find { it.category == 'CATEGORY_4' }.leads.US.ifNecessary", equalTo(java.util.List.of(true)))
                .body("find { it.category == 'CATEGORY_1' }.leads.JP.tool",
                        equalTo(java.util.List.of("BILATERAL_CONSULTATION", "MULTILATERAL_SEMINAR", "INDUSTRY_OUTREACH_SEMINAR")));
    }

    @Test
    void exposesHealthMetricsAndOpenApiOnTheManagementInterfaceOnly() {
        given().when().get("/q/openapi").then().statusCode(404);
        given().when().get(health).then().statusCode(200);
        given().when().get(metrics).then().statusCode(200).body(containsString("jvm_"));
        given().when().get(openapi).then().statusCode(200).body(containsString("/proposals/{id}/concurrences"));
        given().when().get(swaggerUi).then().statusCode(200);
    }
}
