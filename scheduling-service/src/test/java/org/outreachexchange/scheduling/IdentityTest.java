package org.outreachexchange.scheduling;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;

import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminar;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminarOnDates;
import static org.outreachexchange.scheduling.Requests.planned;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "scheduling"), @ResourceArg(name = "chain", value = "JP")})
class IdentityTest {

    @Inject
    DataSource dataSource;

    @Test
    void refusesARequestWithoutToken() {
        given().when().get("/activities").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void refusesAGarbledToken() {
        given().header("Authorization", "Bearer not.a.token").when().get("/activities").then().statusCode(401);
    }

    @Test
    void refusesATokenOfAGovernmentNobodyTrusts() {
        given().header("Authorization", TestAgencies.bearer(TestAgencies.STRANGER, "MOD")).when().get("/activities")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void refusesAnotherGovernmentsAgency() {
        given().header("Authorization", TestAgencies.bearer("US", "DOC")).when().get("/activities")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void refusesAnActivityPostedByAnotherGovernmentOrWithoutTokenAndStoresNothing() {
        long before = Tables.count(dataSource, "activity");

        given().header("Authorization", TestAgencies.bearer("AU", "DFAT")).contentType("application/json")
                .body(malaysiaSeminar()).when().post("/activities").then().statusCode(403);
        given().contentType("application/json").body(malaysiaSeminar()).when().post("/activities").then().statusCode(401);

        assertThat(Tables.count(dataSource, "activity")).isEqualTo(before);
    }

    @Test
    void refusesAnotherGovernmentsRevisionAndCancellation() {
        String id = planned(malaysiaSeminar());

        given().header("Authorization", TestAgencies.bearer("US", "DOC")).header("If-Match", "\"1\"").contentType("application/json")
                .body(malaysiaSeminarOnDates()).when().put("/activities/" + id).then().statusCode(403);
        given().header("Authorization", TestAgencies.bearer("US", "DOC")).contentType("application/json")
                .body("{\"reason\":\"not ours\"}").when().post("/activities/" + id + "/cancellation").then().statusCode(403);

        Requests.get(id).body("version", equalTo(1)).body("status", equalTo("PLANNED"));
    }

    @Test
    void acceptsItsOwnGovernmentsAgency() {
        given().header("Authorization", TestAgencies.bearer("JP", "METI")).when().get("/activities").then().statusCode(200);
    }
}
