package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.TestAgencies;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** One government may keep only so many assessment and criteria proposals open; deciding one makes room. */
@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class OpenProposalCapTest {

    static final String AU = TestAgencies.bearer("AU", "DFAT");
    static final String JP = TestAgencies.bearer("JP", "METI");

    private static int openByAustralia() {
        List<String> proposers = given().header("Authorization", AU).queryParam("status", "OPEN").queryParam("limit", 1000)
                .when().get("/proposals").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.kind != 'FINDINGS' }.proposedBy", String.class);
        return (int) proposers.stream().filter("AU"::equals).count();
    }

    private static io.restassured.response.Response propose(int i) {
        return given().header("Authorization", AU).contentType(ContentType.JSON)
                .body(Map.of("country", "IN", "rationale", "Cap probe " + i, "factors", Map.of("TRADE_VOLUME", 0.6)))
                .when().post("/assessments");
    }

    @Test
    void aGovernmentAtItsCapOfOpenProposalsIsRefusedUntilOneIsDecided() {
        int cap = ConfigProvider.getConfig().getValue("outreach.evaluation.proposals.max-open-per-government", Integer.class);
        List<String> opened = new ArrayList<>();
        try {
            for (int i = openByAustralia(); i < cap; i++) {
                opened.add(propose(i).then().statusCode(201).extract().path("id"));
            }
            assertThat(openByAustralia()).isEqualTo(cap);
            propose(cap).then().statusCode(429).contentType("application/problem+json")
                    .body("title", equalTo("Too Many Requests")).body("detail", containsString("AU has " + cap + " open"));
            given().header("Authorization", AU).contentType(ContentType.JSON)
                    .body(Map.of("weights", Map.of("TECHNOLOGY_LEVEL", 0.25, "TRADE_VOLUME", 0.25, "GEOGRAPHIC_LOCATION", 0.2,
                            "TIES_TO_COUNTRIES_OF_CONCERN", 0.3), "highThreshold", 0.6, "rationale", "Cap probe"))
                    .when().post("/criteria").then().statusCode(429);

            given().header("Authorization", JP).contentType(ContentType.JSON).body(Map.of())
                    .when().post("/proposals/" + opened.remove(0) + "/objections").then().statusCode(200);
            opened.add(propose(cap + 1).then().statusCode(201).extract().path("id"));
        } finally {
            for (String id : opened) {
                given().header("Authorization", JP).contentType(ContentType.JSON).body(Map.of())
                        .when().post("/proposals/" + id + "/objections").then().statusCode(200);
            }
        }
    }
}
