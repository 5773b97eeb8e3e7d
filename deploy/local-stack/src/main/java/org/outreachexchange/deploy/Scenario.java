package org.outreachexchange.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Japan's 2008 outreach program (Annex II of the source document), loaded through the JP scheduling-service's REST
 * API like any agency would. Every activity goes out with its own Idempotency-Key, and a completion is only posted
 * while the activity is still open, so loading into a stack that already holds the scenario changes nothing.
 */
public final class Scenario {

    public static final String RESOURCE = "/scenario/annex-ii-2008.json";
    static final String KEY_PREFIX = "scenario-2008/";

    private final JsonNode document;

    private Scenario(JsonNode document) {
        this.document = document;
    }

    public static Scenario load2008() {
        try (InputStream in = Scenario.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new StackException("the scenario resource " + RESOURCE + " is missing from the launcher's classpath");
            }
            return new Scenario(StackHttp.JSON.readTree(in));
        } catch (IOException e) {
            throw new StackException("cannot read the scenario " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public JsonNode activities() {
        return document.path("activities");
    }

    /** What a load did: activities newly planned, already there, and completions posted. */
    public record Result(int planned, int alreadyPresent, int completed) {
        @Override
        public String toString() {
            return planned + " activities planned, " + alreadyPresent + " already present, " + completed + " completed";
        }
    }

    public Result loadInto(StackHttp http, String schedulingUrl, String bearer) {
        int planned = 0;
        int present = 0;
        int completed = 0;
        for (JsonNode activity : activities()) {
            String key = activity.path("key").asText();
            StackHttp.Response response = http.post(schedulingUrl + "/activities", bearer,
                    Map.of("Idempotency-Key", KEY_PREFIX + key), activity.path("request"));
            if (response.status() != 201 && response.status() != 200) {
                throw new StackException("the scenario's activity " + key + " was refused: HTTP " + response.status()
                        + " " + response.body());
            }
            if ("true".equals(response.header("Idempotent-Replayed"))) {
                present++;
            } else {
                planned++;
            }
            JsonNode body = response.json();
            if (activity.has("completion") && !"COMPLETED".equals(body.path("status").asText())) {
                complete(http, schedulingUrl, bearer, key, body, activity.path("completion"));
                completed++;
            }
        }
        return new Result(planned, present, completed);
    }

    private static void complete(StackHttp http, String schedulingUrl, String bearer, String key, JsonNode body, JsonNode completion) {
        String id = body.path("id").asText();
        // The replayed POST answers with the activity as first planned, so read its current state before completing.
        StackHttp.Response current = http.get(schedulingUrl + "/activities/" + id, bearer);
        if ("COMPLETED".equals(current.json().path("status").asText())) {
            return;
        }
        StackHttp.Response response = http.post(schedulingUrl + "/activities/" + id + "/completion", bearer,
                Map.of("If-Match", "\"" + current.json().path("version").asLong() + "\""), completion);
        if (response.status() != 200) {
            throw new StackException("the scenario's completion of " + key + " was refused: HTTP " + response.status()
                    + " " + response.body());
        }
    }
}
