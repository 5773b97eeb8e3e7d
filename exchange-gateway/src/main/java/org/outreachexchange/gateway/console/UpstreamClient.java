package org.outreachexchange.gateway.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.outreachexchange.gateway.config.ConsoleConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * JSON calls to a service's REST API on the signed-in officer's behalf, with the officer's own token, so every page
 * shows exactly what the API lets that agency see. A refusal comes back as the service's own problem.
 */
@ApplicationScoped
public class UpstreamClient {

    private static final Logger LOG = Logger.getLogger(UpstreamClient.class);
    private static final String BEARER = "Bearer ";

    // The console reads other services' answers: fields it does not show are ignored, not refused.
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ConsoleConfig config;

    UpstreamClient(ConsoleConfig config) {
        this.config = config;
    }

    public <T> T get(URI uri, String token, Class<T> type) {
        return read(uri, send(HttpRequest.newBuilder(uri).GET(), token), type);
    }

    public <T> List<T> list(URI uri, String token, Class<T> item) {
        JsonNode body = send(HttpRequest.newBuilder(uri).GET(), token);
        try {
            return json.readerFor(TypeFactory.defaultInstance().constructCollectionType(List.class, item)).readValue(body);
        } catch (IOException e) {
            throw unreadable(uri, e);
        }
    }

    /** POST a JSON body (null: none); the answer read as {@code type}, or null for {@code Void}. */
    public <T> T post(URI uri, String token, Object body, Class<T> type) {
        return read(uri, send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : write(body))), token), type);
    }

    public void delete(URI uri, String token) {
        send(HttpRequest.newBuilder(uri).DELETE(), token);
    }

    private JsonNode send(HttpRequest.Builder request, String token) {
        HttpRequest built = request.timeout(config.upstreamTimeout()).header("Accept", "application/json, application/problem+json")
                .header("Authorization", token.startsWith(BEARER) ? token : BEARER + token).build();
        HttpResponse<String> answer;
        try {
            answer = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UpstreamProblem(ProblemView.unavailable(built.uri().getHost() + ":" + built.uri().getPort(),
                    "it could not be reached"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamProblem(ProblemView.unavailable(built.uri().getHost(), "interrupted"));
        }
        if (answer.statusCode() >= 400) {
            throw new UpstreamProblem(ProblemView.fromResponse(answer.statusCode(), answer.body(), json));
        }
        return parse(answer.body());
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.missingNode();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return json.missingNode();
        }
    }

    private <T> T read(URI uri, JsonNode body, Class<T> type) {
        if (type == Void.class || body.isMissingNode()) {
            return null;
        }
        try {
            return json.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw unreadable(uri, e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static UpstreamProblem unreadable(URI uri, IOException e) {
        LOG.warnf("an answer from %s could not be read: %s", uri, e.getMessage());
        return new UpstreamProblem(new ProblemView(502, "Bad Gateway", "an answer the console could not read"
                + " from " + uri.getPath(), List.of()));
    }
}
