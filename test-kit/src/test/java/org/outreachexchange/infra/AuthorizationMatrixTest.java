package org.outreachexchange.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.AuthorizationMatrix.Caller;
import org.outreachexchange.infra.AuthorizationMatrix.Request;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The matrix against a scripted service on loopback: a reader may GET /things, only a planner may POST, and the
 * OpenAPI document lists what the test says.
 */
class AuthorizationMatrixTest {

    private static final String KNOWN = "0b7a3c52-8a4e-4c39-9c55-4d1f07a1c001";

    private HttpServer server;
    private URI base;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile String document = openApi("/things", "get", "post");
    private volatile boolean plainTextRefusals;
    private volatile boolean leakyNotFound;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/q/openapi", exchange -> answer(exchange, 200, "application/json", document));
        server.createContext("/things", this::things);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void things(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + (authorization != null));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String roles = authorization == null ? null : roles(authorization.substring("Bearer ".length()));
        String path = exchange.getRequestURI().getPath();
        if (roles == null) {
            refuse(exchange, 401);
        } else if (path.startsWith("/things/")) {
            String id = path.substring("/things/".length());
            if (id.equals(KNOWN) && roles.contains("planner")) {
                answer(exchange, 200, "application/json", "{}");
            } else {
                String detail = id.equals(KNOWN) && leakyNotFound ? "thing " + id + " is another agency's" : "no thing " + id;
                answer(exchange, 404, "application/problem+json", "{\"status\":404,\"detail\":\"" + detail
                        + "\",\"instance\":\"" + path + "\"}");
            }
        } else if (exchange.getRequestMethod().equals("GET")) {
            answer(exchange, 200, "application/json", "[]");
        } else if (!roles.contains("planner")) {
            refuse(exchange, 403);
        } else if (body.contains("bad")) {
            refuse(exchange, 400);
        } else {
            answer(exchange, 201, "application/json", "{}");
        }
    }

    /** The roles of a token a partner service would accept (JP's or US's test key, unexpired), else null. */
    private static String roles(String token) {
        try {
            var identity = org.outreachexchange.identity.AgencyTokens.verify(token, org.outreachexchange.identity.partners
                    .KeyRing.of(TestAgencies.partnersDocument(), org.outreachexchange.identity.partners.KeyPurpose.TOKENS),
                    java.time.Clock.systemUTC(), java.time.Duration.ofHours(24));
            return identity.roles().toString().toLowerCase();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void refuse(HttpExchange exchange, int status) throws IOException {
        if (plainTextRefusals) {
            answer(exchange, status, "text/plain", "no");
        } else {
            answer(exchange, status, "application/problem+json", "{\"status\":" + status + "}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String openApi(String path, String... methods) {
        StringBuilder operations = new StringBuilder();
        for (String method : methods) {
            operations.append(operations.isEmpty() ? "" : ",").append('"').append(method).append("\":{}");
        }
        return "{\"openapi\":\"3.1.0\",\"paths\":{\"" + path + "\":{" + operations + ",\"parameters\":[]},"
                + "\"/q/health\":{\"get\":{}}}}";
    }

    private AuthorizationMatrix matrix() {
        AuthorizationMatrix matrix = AuthorizationMatrix.of("JP", "METI", "MOFA", "US", "DOC");
        matrix.row("GET /things").request(Request::plain).otherwise(200);
        matrix.row("POST /things").request(() -> Request.plain().json(Map.of("name", "good")))
                .invalidBody(() -> Request.plain().json(Map.of("name", "bad")))
                .expect(201, Caller.PLANNER, Caller.OTHER_AGENCY_PLANNER, Caller.OTHER_GOVERNMENT)
                .otherwise(403);
        return matrix;
    }

    @Test
    void passesWhenEveryCellAnswersAsExpected() {
        matrix().verify(base, base.resolve("/q/openapi"));

        // two rows, one with an invalid body too: 3 lines of 10 callers
        assertThat(seen).hasSize(30);
    }

    @Test
    void readsTheDocumentsOperationsWithoutQuarkusOwnEndpoints() {
        assertThat(OpenApiOperations.read(base.resolve("/q/openapi"))).extracting(Object::toString)
                .containsExactly("GET /things", "POST /things");
    }

    @Test
    void reportsEveryWrongCellAtOnceInOneTable() {
        AuthorizationMatrix matrix = AuthorizationMatrix.of("JP", "METI", "MOFA", "US", "DOC");
        matrix.row("GET /things").request(Request::plain).expect(403, Caller.OTHER_GOVERNMENT).otherwise(200);
        matrix.row("POST /things").request(() -> Request.plain().json(Map.of("name", "good")))
                .expect(201, Caller.PLANNER).otherwise(403);

        assertThatThrownBy(() -> matrix.verify(base, base.resolve("/q/openapi")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("3 wrong cell(s)")
                .hasMessageContaining("GET /things as other gov: expected 403, got 200")
                .hasMessageContaining("POST /things as B planner: expected 403, got 201")
                .hasMessageContaining("POST /things as other gov: expected 403, got 201")
                .hasMessageContaining("201≠403");
    }

    @Test
    void failsForAnOperationWithoutARowAndARowWithoutAnOperation() {
        document = openApi("/things", "get", "post", "delete");
        AuthorizationMatrix matrix = matrix();
        matrix.row("PUT /things").request(Request::plain).otherwise(405);

        assertThatThrownBy(() -> matrix.verify(base, base.resolve("/q/openapi")))
                .hasMessageContaining("1 operation(s) without a row")
                .hasMessageContaining("1 row(s) without an operation")
                .hasMessageContaining("without a row (add one; docs/CONVENTIONS.md, Tests):\n  DELETE /things")
                .hasMessageContaining("does not have (remove or rename them):\n  PUT /things");
    }

    @Test
    void failsARefusalThatIsNotProblemJson() {
        plainTextRefusals = true;

        assertThatThrownBy(() -> matrix().verify(base, base.resolve("/q/openapi")))
                .hasMessageContaining("GET /things as no token: refused with 401 as 'text/plain', not application/problem+json")
                .hasMessageContaining("401!pj");
    }

    @Test
    void failsACallerAllowedAnInvalidBodyOrRefusedItDifferently() {
        AuthorizationMatrix matrix = AuthorizationMatrix.of("JP", "METI", "MOFA", "US", "DOC");
        matrix.row("GET /things").request(Request::plain).otherwise(200);
        matrix.row("POST /things").request(() -> Request.plain().json(Map.of("name", "good")))
                .invalidBody(() -> Request.plain().json(Map.of("name", "good")))
                .expect(201, Caller.PLANNER, Caller.OTHER_AGENCY_PLANNER, Caller.OTHER_GOVERNMENT).otherwise(403);

        assertThatThrownBy(() -> matrix.verify(base, base.resolve("/q/openapi")))
                .hasMessageContaining("3 wrong cell(s)")
                .hasMessageContaining("POST /things [invalid body] as planner: expected 400, got 201");
    }

    @Test
    void failsA404ThatSaysMoreThanAnUnknownTargetsAndPassesOneThatDoesNot() {
        document = "{\"paths\":{\"/things/{id}\":{\"get\":{}}}}";
        AuthorizationMatrix matrix = AuthorizationMatrix.of("JP", "METI", "MOFA", "US", "DOC");
        matrix.row("GET /things/{id}").request(() -> Request.with("id", KNOWN))
                .unknownTarget(() -> Request.with("id", java.util.UUID.randomUUID()))
                .expect(200, Caller.PLANNER, Caller.OTHER_AGENCY_PLANNER, Caller.OTHER_GOVERNMENT).otherwise(404);

        matrix.verify(base, base.resolve("/q/openapi"));

        leakyNotFound = true;
        assertThatThrownBy(() -> matrix.verify(base, base.resolve("/q/openapi")))
                .hasMessageContaining("4 wrong cell(s)")
                .hasMessageContaining("404!u")
                .hasMessageContaining("GET /things/{id} as reader: its 404 differs from an unknown target's (404): "
                        + "{\"status\":404,\"detail\":\"thing <id> is another agency's\"} vs {\"status\":404,\"detail\":\"no thing <id>\"}");
    }

    @Test
    void failsARowThatLeavesACallerUndecided() {
        AuthorizationMatrix matrix = AuthorizationMatrix.of("JP", "METI", "MOFA", "US", "DOC");
        matrix.row("GET /things").request(Request::plain).expect(200, Caller.ownAgency());
        matrix.row("POST /things").expect(201, Caller.PLANNER).otherwise(403);

        assertThatThrownBy(() -> matrix.verify(base, base.resolve("/q/openapi")))
                .hasMessageContaining("GET /things as B planner")
                .hasMessageContaining("POST /things: no request(...)");
    }

    @Test
    void sendsExpiredAndUntrustedTokensThatAPartnerServiceRefuses() {
        AuthorizationMatrix matrix = AuthorizationMatrix.of("JP", "METI", "MOFA", "US", "DOC");

        assertThat(roles(matrix.bearer(Caller.PLANNER).substring(7))).contains("planner");
        assertThat(roles(matrix.bearer(Caller.OTHER_GOVERNMENT).substring(7))).contains("coordinator");
        assertThat(roles(matrix.bearer(Caller.EXPIRED_TOKEN).substring(7))).isNull();
        assertThat(roles(matrix.bearer(Caller.UNTRUSTED_KEY).substring(7))).isNull();
        assertThat(matrix.bearer(Caller.NO_TOKEN)).isNull();
    }
}
