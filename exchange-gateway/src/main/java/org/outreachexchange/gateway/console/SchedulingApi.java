package org.outreachexchange.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.outreachexchange.gateway.config.ConsoleConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The officer's own government's scheduling-service ({@code outreach.console.scheduling-urls.<GOV>}), called with the
 * officer's own token: the console plans, revises, completes and cancels exactly as the agency could with curl, and
 * the service's answers, problems included, come back as they are.
 */
@ApplicationScoped
public class SchedulingApi {

    /** One answer of the scheduling-service. */
    public record Answer(int status, String body, Optional<String> etag) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    /** Enough for any government's programme; a longer one is cut and the page says so. */
    static final int MAX_PAGES = 10;

    private final ConsoleConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    SchedulingApi(ConsoleConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.upstreamTimeout()).build();
    }

    public boolean configured(String government) {
        return config.schedulingUrls().containsKey(government);
    }

    /** The government's activities in planning order (up to {@link #MAX_PAGES} pages of 1000). */
    public List<JsonNode> list(String government, String bearer) {
        List<JsonNode> all = new ArrayList<>();
        String next = "/activities?limit=1000";
        for (int page = 0; page < MAX_PAGES && next != null; page++) {
            HttpResponse<String> response = send(government, bearer, HttpRequest.newBuilder(uri(government, next)).GET());
            if (response.statusCode() != 200) {
                throw new UpstreamProblem(ProblemView.fromResponse(response.statusCode(), response.body(), json));
            }
            read(response.body()).forEach(all::add);
            next = response.headers().firstValue("Link").map(NEXT::matcher).filter(Matcher::find)
                    .map(m -> URI.create(m.group(1))).map(u -> u.getRawPath() + "?" + u.getRawQuery()).orElse(null);
        }
        return all;
    }

    public Answer get(String government, String bearer, UUID id) {
        return answer(send(government, bearer, HttpRequest.newBuilder(uri(government, "/activities/" + id)).GET()));
    }

    public Answer plan(String government, String bearer, Map<String, Object> body, String idempotencyKey) {
        return answer(send(government, bearer, HttpRequest.newBuilder(uri(government, "/activities"))
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(write(body)))));
    }

    /** A revision of the version the officer saw ({@code If-Match}); 412 when someone changed it since. */
    public Answer revise(String government, String bearer, UUID id, String version, Map<String, Object> body) {
        return answer(send(government, bearer, ifMatch(HttpRequest.newBuilder(uri(government, "/activities/" + id)), version)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(write(body)))));
    }

    public Answer complete(String government, String bearer, UUID id, String version, Map<String, Object> body) {
        return answer(send(government, bearer, ifMatch(HttpRequest.newBuilder(uri(government, "/activities/" + id + "/completion")), version)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(body)))));
    }

    public Answer cancel(String government, String bearer, UUID id, String version, String reason) {
        return answer(send(government, bearer, ifMatch(HttpRequest.newBuilder(uri(government, "/activities/" + id + "/cancellation")), version)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(java.util.Collections.singletonMap("reason", reason))))));
    }

    public JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UpstreamProblem(ProblemView.unavailable("the scheduling-service", "its answer was not JSON"));
        }
    }

    public ProblemView problem(Answer answer) {
        return ProblemView.fromResponse(answer.status(), answer.body(), json);
    }

    private static HttpRequest.Builder ifMatch(HttpRequest.Builder request, String version) {
        return version == null || version.isBlank() ? request : request.header("If-Match", "\"" + version.strip() + "\"");
    }

    private URI uri(String government, String path) {
        String base = config.schedulingUrls().get(government);
        if (base == null) {
            throw new UpstreamProblem(ProblemView.unavailable("the scheduling-service of " + government,
                    "no outreach.console.scheduling-urls." + government + " is configured"));
        }
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    private HttpResponse<String> send(String government, String bearer, HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + bearer).header("Accept", "application/json")
                    .timeout(config.upstreamTimeout()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UpstreamProblem(ProblemView.unavailable("the scheduling-service of " + government, e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamProblem(ProblemView.unavailable("the scheduling-service of " + government, "interrupted"));
        }
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("ETag"));
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
