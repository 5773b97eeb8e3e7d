package org.outreachexchange.evaluation;

import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Walking a paged list by its Link rel="next" headers, as a client would. */
final class Links {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private Links() {
    }

    /** Every page's items' {@code field}, in order, from {@code path} with {@code query} until no next link is given. */
    static List<String> walk(String token, String path, Map<String, ?> query, String field) {
        List<String> seen = new ArrayList<>();
        Response page = given().header("Authorization", token).queryParams(query).when().get(path);
        for (int pages = 0; ; pages++) {
            assertThat(pages).as("pages walked").isLessThan(1000);
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList(field).stream().map(String::valueOf).toList());
            String link = page.header("Link");
            if (link == null) {
                return seen;
            }
            Matcher next = NEXT.matcher(link);
            assertThat(next.find()).as("Link header " + link).isTrue();
            page = given().header("Authorization", token).urlEncodingEnabled(false).when().get(next.group(1));
        }
    }
}
