package org.outreachexchange.scheduling;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = @ResourceArg(name = "service", value = "scheduling"))
class IdentityTest {

    @Test
    void refusesARequestWithoutToken() {
        given().when().get("/activities").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void refusesAnotherGovernmentsAgency() {
        given().header("Authorization", TestAgencies.bearer("US", "DOC")).when().get("/activities")
                .then().statusCode(403).body("status", equalTo(403));
    }

    @Test
    void acceptsItsOwnGovernmentsAgency() {
        given().header("Authorization", TestAgencies.bearer("JP", "METI")).when().get("/activities").then().statusCode(200);
    }

    @Test
    void reportsHealth() {
        given().when().get("/q/health").then().statusCode(200);
    }
}
