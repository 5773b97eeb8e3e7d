package org.outreachexchange.evaluation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.TestAgencies;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Every list pages the same way: walking its Link rel="next" visits every item once, in the list's order. */
@QuarkusTest
@QuarkusTestResource(value = EvaluationTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class PagingTest {

    static final String JP = TestAgencies.bearer("JP", "METI");
    static final String US = TestAgencies.bearer("US", "DOC");
    static final String AU = TestAgencies.bearer("AU", "DFAT");

    private static List<String> whole(String token, String path, Map<String, ?> query, String field) {
        Map<String, Object> all = new java.util.HashMap<>(query);
        all.put("limit", 1000);
        return given().header("Authorization", token).queryParams(all).when().get(path).then().statusCode(200)
                .header("Link", nullValue()).extract().jsonPath().getList(field).stream().map(String::valueOf).toList();
    }

    private static void walksEveryItemOnce(String token, String path, Map<String, ?> query, String field, int limit) {
        Map<String, Object> paged = new java.util.HashMap<>(query);
        paged.put("limit", limit);
        List<String> walked = Links.walk(token, path, paged, field);
        assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(whole(token, path, query, field));
    }

    @Test
    void walkingTheEvaluationsByCountryOrPriorityVisitsEveryCountryOnce() {
        walksEveryItemOnce(JP, "/evaluations", Map.of(), "country", 3);
        walksEveryItemOnce(JP, "/evaluations", Map.of("sort", "priority"), "country", 3);
        walksEveryItemOnce(JP, "/evaluations", Map.of("sort", "priority", "riskBand", "LOW"), "country", 4);
        List<String> byCountry = whole(JP, "/evaluations", Map.of(), "country");
        assertThat(byCountry).hasSize(20).isSorted();
        given().header("Authorization", JP).queryParam("limit", 20).when().get("/evaluations").then().statusCode(200)
                .body("$", hasSize(20)).header("Link", nullValue());
        given().header("Authorization", JP).queryParam("limit", 19).when().get("/evaluations").then().statusCode(200)
                .body("$", hasSize(19)).header("Link", org.hamcrest.Matchers.containsString("rel=\"next\""));
    }

    @Test
    void walkingProposalsNewestFirstVisitsEveryProposalOnceWhateverTheFilter() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(given().header("Authorization", JP).contentType(ContentType.JSON)
                    .body(Map.of("country", "BN", "rationale", "Paging probe " + i + " " + UUID.randomUUID(),
                            "elements", Map.of("INTENTION", Map.of("assessment", "INSUFFICIENT", "evidence", "Probe " + i))))
                    .when().post("/assessments").then().statusCode(201).extract().path("id"));
        }
        walksEveryItemOnce(US, "/proposals", Map.of(), "id", 2);
        walksEveryItemOnce(US, "/proposals", Map.of("status", "OPEN", "kind", "ASSESSMENT"), "id", 2);
        walksEveryItemOnce(US, "/proposals", Map.of("awaiting", "me"), "id", 2);
        List<String> awaitingUs = whole(US, "/proposals", Map.of("awaiting", "me"), "id");
        assertThat(awaitingUs).containsAll(mine);
        // Newest first: the five appear in the reverse of the order they were opened.
        List<String> newestFirst = new ArrayList<>(mine);
        java.util.Collections.reverse(newestFirst);
        assertThat(awaitingUs.stream().filter(mine::contains).toList()).containsExactlyElementsOf(newestFirst);
        // Answered proposals leave the awaiting list but stay in the others.
        Proposals.concur(US, mine.get(0));
        assertThat(whole(US, "/proposals", Map.of("awaiting", "me"), "id")).doesNotContain(mine.get(0));
        assertThat(whole(US, "/proposals", Map.of(), "id")).contains(mine.get(0));
    }

    @Test
    void walkingAHistoryVisitsEveryChangeOnceOldestFirst() {
        String id = given().header("Authorization", JP).contentType(ContentType.JSON)
                .body(Map.of("country", "BN", "rationale", "History probe " + UUID.randomUUID(),
                        "elements", Map.of("INTENTION", Map.of("assessment", "INSUFFICIENT", "evidence", "Reviewed again"))))
                .when().post("/assessments").then().statusCode(201).extract().path("id");
        Proposals.concur(US, id);
        Proposals.concur(AU, id);
        List<String> versions = whole(JP, "/evaluations/BN/history", Map.of(), "evaluationVersion");
        assertThat(versions.size()).isGreaterThanOrEqualTo(2);
        assertThat(versions.stream().map(Integer::valueOf).toList()).isSorted();
        walksEveryItemOnce(JP, "/evaluations/BN/history", Map.of(), "evaluationVersion", 1);
    }

    @Test
    void walkingCriteriaAndReferenceTablesVisitsEveryEntryOnce() {
        walksEveryItemOnce(JP, "/criteria", Map.of(), "version", 1);
        walksEveryItemOnce(JP, "/reference/categories", Map.of(), "category", 2);
        walksEveryItemOnce(JP, "/reference/role-sharing", Map.of(), "category", 1);
        assertThat(whole(JP, "/reference/categories", Map.of(), "category")).containsExactly("CATEGORY_1", "CATEGORY_2",
                "CATEGORY_3", "CATEGORY_4", "BEYOND_CATEGORIES");
        given().header("Authorization", JP).when().get("/reference/categories").then().statusCode(200)
                .body("$", hasSize(5)).body("[0].category", equalTo("CATEGORY_1"));
    }
}
