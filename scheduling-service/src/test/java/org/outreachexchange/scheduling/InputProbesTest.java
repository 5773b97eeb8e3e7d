package org.outreachexchange.scheduling;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestAgencies;
import org.outreachexchange.scheduling.domain.Limits;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.outreachexchange.scheduling.Requests.asMeti;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminar;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminarOnDates;
import static org.outreachexchange.scheduling.Requests.plan;
import static org.outreachexchange.scheduling.Requests.planned;

/** The probes: control characters anywhere and lists at and over their bound get problems, never a 500. */
@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "scheduling"), @ResourceArg(name = "chain", value = "JP")})
class InputProbesTest {

    /** Every ISO 3166-1 alpha-2 code Java knows, sorted: 249 of them. */
    private static final List<String> COUNTRIES = Arrays.stream(Locale.getISOCountries()).sorted().toList();

    @Inject
    DataSource dataSource;

    @Test
    void refusesANulInTheTitleNamingTitleAndRule() {
        long before = Tables.count(dataSource, "activity");

        asMeti().body(withTitle("a\\u0000b")).when().post("/activities").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("title")).body("errors[0].rule", equalTo("control-characters"));

        assertThat(Tables.count(dataSource, "activity")).isEqualTo(before);
    }

    @Test
    void refusesAControlCharacterDeepInTheBodyNamingItsPath() {
        String id = planned(malaysiaSeminarOnDates());

        asMeti().body("{\"reason\":\"closed\\u001b[2J\"}").when().post("/activities/" + id + "/cancellation").then()
                .statusCode(400).body("errors[0].field", equalTo("reason")).body("errors[0].rule", equalTo("control-characters"));
        asMeti().body("{\"summary\":\"held\",\"completedOn\":\"2008-03-12\",\"participants\":[\"ok\",\"F\\u0007MM\"]}")
                .when().post("/activities/" + id + "/completion").then()
                .statusCode(400).body("errors[0].field", equalTo("participants[1]"))
                .body("errors[0].rule", equalTo("control-characters"));
    }

    @ParameterizedTest(name = "a NUL in the query parameter {0} is a 400 naming it and the rule")
    @ValueSource(strings = {"recipient", "type", "status", "from", "to", "limit", "after"})
    void refusesANulInAQueryParameterNamingIt(String parameter) {
        asMeti().queryParam(parameter, "M\u0000Y").when().get("/activities").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == '" + parameter + "' }.rule", equalTo("control-characters"))
                .body(not(containsString("Exception")));
    }

    static Stream<Arguments> trimmableControlCharacters() {
        return Stream.of(Arguments.of("limit", "1\u0000"), Arguments.of("recipient", "MY\u001f"),
                Arguments.of("from", "\u00012008-03-01"), Arguments.of("status", "PLANNED\u001e"));
    }

    /** Trimming would turn these into valid values; a control character is refused wherever it stands. */
    @ParameterizedTest(name = "{0}={1} is refused, not trimmed into a valid value")
    @MethodSource("trimmableControlCharacters")
    void refusesAControlCharacterThatTrimmingWouldHide(String parameter, String value) {
        asMeti().queryParam(parameter, value).when().get("/activities").then()
                .statusCode(400).body("errors.find { it.field == '" + parameter + "' }.rule", equalTo("control-characters"));
    }

    @Test
    void refusesControlCharactersInQueryParametersOfEveryKindAtOnce() {
        asMeti().queryParam("recipient", "\u0001").queryParam("type", "\u007f").queryParam("limit", "1\u0000")
                .when().get("/activities").then().statusCode(400)
                .body("errors.field", hasItem("recipient")).body("errors.field", hasItem("type")).body("errors.field", hasItem("limit"));
    }

    @ParameterizedTest(name = "a path with {0} is answered 404 like an unknown id, never 500")
    @ValueSource(strings = {"%00", "a%00b", "%01%1F", "%7F"})
    void answersNotFoundForControlCharactersInThePath(String segment) {
        asMeti().urlEncodingEnabled(false).when().get("/activities/" + segment).then()
                .statusCode(404).contentType("application/problem+json");
        asMeti().urlEncodingEnabled(false).body(Map.of("reason", "x")).when().post("/activities/" + segment + "/cancellation")
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** HTTP lets a tab into a header value; the key may not hold it. */
    @Test
    void refusesAControlCharacterInTheIdempotencyKey() {
        asMeti().header("Idempotency-Key", "key\tone").body(malaysiaSeminar()).when().post("/activities").then()
                .statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"))
                .body("errors[0].rule", equalTo("control-characters"));
    }

    /** Other control characters in a header never reach the service: the HTTP server refuses the request (400, no body). */
    @Test
    void refusesANulInAHeaderAtTheHttpServerWithoutA500() throws IOException {
        assertThat(raw("POST /activities HTTP/1.1\r\nHost: localhost\r\nIdempotency-Key: a\u0000b\r\nContent-Length: 0\r\n"))
                .startsWith("HTTP/1.1 400");
    }

    /** Unencoded, they never reach the service either: the HTTP server refuses the request line (400, no body). */
    @ParameterizedTest(name = "an unencoded {0} in the path is refused by the HTTP server, not a 500")
    @ValueSource(strings = {"\u0000", "\u0001"})
    void refusesAnUnencodedControlCharacterInThePathAtTheHttpServer(String character) throws IOException {
        String answer = raw("GET /activities/a" + character + "b HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + TestAgencies.bearer("JP", "METI") + "\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
    }

    @Test
    void plansAnActivityFor141Recipients() {
        plan(withRecipients(COUNTRIES.subList(0, 141))).statusCode(201).body("recipients", hasSize(141));
    }

    @Test
    void plansAnActivityForEveryCountryThereIs() {
        assertThat(COUNTRIES).hasSize(249);

        plan(withRecipients(COUNTRIES)).statusCode(201).body("recipients", hasSize(249));
    }

    /** Only 249 codes exist, so 250 distinct valid recipients cannot be sent; 250 is within the bound all the same. */
    @Test
    void acceptsTwoHundredFiftyRecipientsAsFarAsTheBoundGoes() {
        List<String> recipients = new ArrayList<>(COUNTRIES);
        recipients.add("MY");
        assertThat(recipients).hasSize(Limits.RECIPIENTS);

        plan(withRecipients(recipients)).statusCode(400)
                .body("errors.rule", not(hasItem("size")))
                .body("errors.find { it.field == 'recipients[249]' }.rule", equalTo("unique"));
    }

    @Test
    void refuses251RecipientsNamingRecipientsAndSize() {
        List<String> recipients = new ArrayList<>(COUNTRIES);
        recipients.addAll(List.of("MY", "TH"));
        assertThat(recipients).hasSize(Limits.RECIPIENTS + 1);
        long before = Tables.count(dataSource, "activity");

        plan(withRecipients(recipients)).statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'recipients' }.rule", equalTo("size"));

        assertThat(Tables.count(dataSource, "activity")).isEqualTo(before);
    }

    @Test
    void refusesAnAgendaOverItsBound() {
        Map<String, Object> body = malaysiaSeminar();
        body.put("agenda", Collections.nCopies(Limits.AGENDA_ITEMS + 1, "Item"));

        plan(body).statusCode(400).body("errors.find { it.field == 'agenda' }.rule", equalTo("size"));
    }

    /** The whole answer to a request head written byte for byte, as no HTTP client would send it. */
    private static String raw(String requestHead) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write((requestHead + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static Map<String, Object> withRecipients(List<String> recipients) {
        Map<String, Object> body = malaysiaSeminar();
        body.put("recipients", recipients);
        return body;
    }

    private static String withTitle(String jsonEscapedTitle) {
        return "{\"type\":\"INDUSTRY_OUTREACH_SEMINAR\",\"title\":\"" + jsonEscapedTitle + "\",\"recipients\":[\"MY\"],"
                + "\"schedule\":{\"month\":\"2008-03\"}}";
    }
}
