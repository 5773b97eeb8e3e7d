package org.outreachexchange.infra.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class FuzzRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A small document in the shape SmallRye OpenAPI writes: references, enums, a bounded list, path, query and header parameters. */
    private static final String DOCUMENT = """
            {"openapi":"3.1.0","paths":{
              "/things":{
                "post":{"parameters":[{"name":"Idempotency-Key","in":"header"}],
                        "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ThingRequest"}}}}},
                "get":{"parameters":[{"name":"from","in":"query","schema":{"type":"string"}},{"name":"recipient","in":"query","schema":{"type":"string"}}]}},
              "/things/{id}":{
                "get":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}]},
                "put":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}},{"name":"If-Match","in":"header"}],
                       "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ThingRequest"}}}}}},
              "/things/{id}/events":{"get":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
                       "responses":{"200":{"content":{"text/event-stream":{}}}}}},
              "/q/health":{"get":{}}},
             "components":{"schemas":{
              "Kind":{"type":"string","enum":["SEMINAR","WORKSHOP"]},
              "ThingRequest":{"type":"object","required":["kind","title","recipients"],"properties":{
                "kind":{"$ref":"#/components/schemas/Kind"},
                "title":{"type":"string","maxLength":20},
                "recipients":{"type":"array","items":{"type":"string"},"maxItems":3,"minItems":1},
                "count":{"type":"integer","minimum":1,"maximum":5},
                "weights":{"type":"object","additionalProperties":{"type":"number","minimum":0,"maximum":1}}}}}}}
            """;
    private static final FuzzRequests.Credentials CREDENTIALS = FuzzRequests.Credentials.of("Bearer valid", "Bearer reader",
            "Bearer other", "Bearer expired", "Bearer untrusted");

    private static FuzzTargets targets() throws Exception {
        return FuzzTargets.of(JSON.readTree(DOCUMENT));
    }

    private static List<FuzzRequest> generate(long seed, int count) throws Exception {
        FuzzRequests generator = new FuzzRequests(seed, targets(), CREDENTIALS);
        Learned learned = new Learned();
        List<FuzzRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(generator.next(learned));
        }
        return requests;
    }

    private static List<String> described(List<FuzzRequest> requests) {
        return requests.stream().map(r -> r.describe() + new String(r.body() == null ? new byte[0] : r.body(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void readsEveryOperationButQuarkusOwnEndpoints() throws Exception {
        assertThat(targets().targets()).extracting(Object::toString)
                .containsExactlyInAnyOrder("POST /things", "GET /things", "GET /things/{id}", "PUT /things/{id}", "GET /things/{id}/events");
        assertThat(targets().targets()).filteredOn(FuzzTargets.Target::streams).extracting(Object::toString).containsExactly("GET /things/{id}/events");
        assertThat(targets().targets()).filteredOn(FuzzTargets.Target::streams).extracting(FuzzTargets.Target::produces)
                .containsExactly("text/event-stream");
    }

    @Test
    void theSameSeedGivesTheSameRequests() throws Exception {
        assertThat(described(generate(42, 400))).isEqualTo(described(generate(42, 400)));
    }

    @Test
    void anotherSeedGivesOtherRequests() throws Exception {
        assertThat(described(generate(43, 400))).isNotEqualTo(described(generate(42, 400)));
    }

    @Test
    void probesEveryOperationInEveryWay() throws Exception {
        List<FuzzRequest> requests = generate(7, 3_000);
        assertThat(requests).extracting(FuzzRequest::target).containsAll(targets().targets().stream().map(Object::toString).toList());
        Set<String> probes = requests.stream().map(FuzzRequest::probe).collect(Collectors.toCollection(TreeSet::new));
        assertThat(probes).anyMatch(p -> p.equals("nothing (valid-looking)"))
                .anyMatch(p -> p.startsWith("body.") && p.endsWith("=lone high surrogate"))
                .anyMatch(p -> p.endsWith("=tiny exponent"))
                .anyMatch(p -> p.endsWith("=10,000-deep object"))
                .anyMatch(p -> p.equals("body.recipients=4 items (maxItems 3)"))
                .anyMatch(p -> p.endsWith(" missing"))
                .anyMatch(p -> p.endsWith("with an unknown field"))
                .anyMatch(p -> p.equals("body invalid UTF-8"))
                .anyMatch(p -> p.equals("body 300 KB chunked body"))
                .anyMatch(p -> p.equals("path id=percent NUL"))
                .anyMatch(p -> p.startsWith("query limit="))
                .anyMatch(p -> p.startsWith("query after="))
                .anyMatch(p -> p.equals("query from=February 30"))
                .anyMatch(p -> p.startsWith("header If-Match="))
                .anyMatch(p -> p.startsWith("Content-Type "))
                .anyMatch(p -> p.startsWith("Accept "))
                .anyMatch(p -> p.equals("Authorization none"));
    }

    @Test
    void validLookingRequestsFollowTheSchema() throws Exception {
        List<FuzzRequest> valid = generate(11, 2_000).stream()
                .filter(r -> r.probe().equals("nothing (valid-looking)") && r.target().equals("POST /things")).toList();
        assertThat(valid).hasSizeGreaterThan(10);
        for (FuzzRequest request : valid) {
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.path("kind").asText()).isIn("SEMINAR", "WORKSHOP");
            assertThat(body.path("title").asText()).hasSizeBetween(1, 20);
            assertThat(body.path("recipients").size()).isBetween(1, 3);
            body.path("recipients").forEach(r -> assertThat(r.asText()).matches("[A-Z]{2}"));
            if (body.has("count")) {
                assertThat(body.get("count").asInt()).isBetween(1, 5);
            }
            body.path("weights").fields().forEachRemaining(w -> assertThat(w.getKey()).isIn("SEMINAR", "WORKSHOP"));
            assertThat(request.headers()).containsEntry("Authorization", "Bearer valid").containsEntry("Content-Type", "application/json");
        }
    }

    @Test
    void aimsAtIdsTheServiceAnsweredWith() throws Exception {
        FuzzRequests generator = new FuzzRequests(5, targets(), CREDENTIALS);
        Learned learned = new Learned();
        String id = "6f1c3f52-8d9c-4e1b-9a53-2f7b0c9e4d10";
        learned.learn("/things", Map.of("location", "http://localhost/things/" + id), "{\"id\":\"" + id + "\"}");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            paths.add(generator.next(learned).pathAndQuery());
        }
        assertThat(paths).anyMatch(p -> p.startsWith("/things/" + id));
    }

    @Test
    void writesLoneSurrogatesAsEscapesAndRawTokensAsTheyAre() {
        var object = JSON.createObjectNode();
        object.put("text", "a\ud800b\ud83d\ude00\u0000");
        object.set("number", JsonText.Raw.node("1e-1000000"));
        assertThat(JsonText.write(object)).isEqualTo("{\"text\":\"a\\ud800b\ud83d\ude00\\u0000\",\"number\":1e-1000000}");
    }
}
