package org.outreachexchange.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.outreachexchange.identity.AgencyKeys;
import org.outreachexchange.identity.AgencyTokens;
import org.outreachexchange.identity.Role;
import org.outreachexchange.infra.OpenApiOperations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authorization matrix of one service (issue 12): every operation of its OpenAPI document crossed with every
 * {@link Caller}, each cell the status the README's role table says. A test declares one {@link Row} per operation,
 * how to build a fresh target and a valid request for it, and the expected status per caller; {@link #verify} runs
 * every cell and fails, with the whole table, when a cell answers otherwise, when a refusal is not
 * {@code application/problem+json}, when the document has an operation without a row, or a row names an operation
 * the document no longer has.
 */
public final class AuthorizationMatrix {

    /** Who calls. Agency A is the matrix's own agency, agency B another agency of the same government. */
    public enum Caller {
        READER("reader"),
        PLANNER("planner"),
        EVALUATOR("evaluator"),
        COORDINATOR("coordinator"),
        OTHER_AGENCY_PLANNER("B planner"),
        OTHER_AGENCY_COORDINATOR("B coord."),
        /** Another partner government's agency holding every role, so only the government boundary can refuse it. */
        OTHER_GOVERNMENT("other gov"),
        NO_TOKEN("no token"),
        /** Agency A with every role, expired an hour ago on the wall clock. */
        EXPIRED_TOKEN("expired"),
        /** Agency A with every role, naming its government but signed by a key no service trusts. */
        UNTRUSTED_KEY("untrusted");

        private final String column;

        Caller(String column) {
            this.column = column;
        }

        public boolean authenticates() {
            return this != NO_TOKEN && this != EXPIRED_TOKEN && this != UNTRUSTED_KEY;
        }

        /** Agency A's own callers (reader, planner, evaluator, coordinator). */
        public static Caller[] ownAgency() {
            return new Caller[]{READER, PLANNER, EVALUATOR, COORDINATOR};
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);

    private final String government;
    private final String agency;
    private final String otherAgency;
    private final String otherGovernment;
    private final String otherGovernmentAgency;
    private final Map<Caller, String> authorization = new EnumMap<>(Caller.class);
    private final Map<Operation, Row> rows = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private AuthorizationMatrix(String government, String agency, String otherAgency, String otherGovernment,
                                String otherGovernmentAgency) {
        this.government = government;
        this.agency = agency;
        this.otherAgency = otherAgency;
        this.otherGovernment = otherGovernment;
        this.otherGovernmentAgency = otherGovernmentAgency;
        authorization.put(Caller.READER, TestAgencies.bearer(government, agency, Set.of(Role.READER)));
        authorization.put(Caller.PLANNER, TestAgencies.bearer(government, agency, Set.of(Role.PLANNER)));
        authorization.put(Caller.EVALUATOR, TestAgencies.bearer(government, agency, Set.of(Role.EVALUATOR)));
        authorization.put(Caller.COORDINATOR, TestAgencies.bearer(government, agency, Set.of(Role.COORDINATOR)));
        authorization.put(Caller.OTHER_AGENCY_PLANNER, TestAgencies.bearer(government, otherAgency, Set.of(Role.PLANNER)));
        authorization.put(Caller.OTHER_AGENCY_COORDINATOR, TestAgencies.bearer(government, otherAgency, Set.of(Role.COORDINATOR)));
        authorization.put(Caller.OTHER_GOVERNMENT, TestAgencies.bearer(otherGovernment, otherGovernmentAgency, EVERY_ROLE));
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        authorization.put(Caller.EXPIRED_TOKEN, "Bearer " + AgencyTokens.issue(TestAgencies.keys(government).getPrivate(),
                government, agency, null, EVERY_ROLE, Duration.ofHours(1), Clock.fixed(twoHoursAgo, ZoneOffset.UTC)));
        authorization.put(Caller.UNTRUSTED_KEY, "Bearer " + AgencyTokens.issue(AgencyKeys.generate().getPrivate(),
                government, agency, null, EVERY_ROLE, Duration.ofHours(1), Clock.systemUTC()));
    }

    /**
     * @param government            the callers' government (agencies A and B)
     * @param agency                agency A, whose readers, planners, evaluators and coordinators call
     * @param otherAgency           agency B of the same government, whose planner and coordinator call
     * @param otherGovernment       another partner government
     * @param otherGovernmentAgency its agency, holding every role
     */
    public static AuthorizationMatrix of(String government, String agency, String otherAgency, String otherGovernment,
                                         String otherGovernmentAgency) {
        return new AuthorizationMatrix(government, agency, otherAgency, otherGovernment, otherGovernmentAgency);
    }

    /** The {@code Authorization} header {@code caller} sends, or null for {@link Caller#NO_TOKEN}. */
    public String bearer(Caller caller) {
        return authorization.get(caller);
    }

    public String government() {
        return government;
    }

    public String agency() {
        return agency;
    }

    public String otherAgency() {
        return otherAgency;
    }

    public String otherGovernment() {
        return otherGovernment;
    }

    public String otherGovernmentAgency() {
        return otherGovernmentAgency;
    }

    /** Declares the row of {@code operation}, written as in the document: {@code "PUT /activities/{id}"}. */
    public Row row(String operation) {
        Operation parsed = Operation.of(operation);
        if (rows.containsKey(parsed)) {
            throw new IllegalArgumentException("two rows for " + parsed);
        }
        Row row = new Row(parsed);
        rows.put(parsed, row);
        return row;
    }

    /** One operation: how to build a request per cell and what each caller must get. */
    public static final class Row {
        private final Operation operation;
        private final Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        private Supplier<Request> request;
        private Supplier<Request> invalid;

        private Row(Operation operation) {
            this.operation = operation;
            expected.put(Caller.NO_TOKEN, 401);
            expected.put(Caller.EXPIRED_TOKEN, 401);
            expected.put(Caller.UNTRUSTED_KEY, 401);
        }

        /**
         * A valid request, built again for every cell: a row whose operation changes state creates its own target
         * here (e.g. a new activity planned by agency A's planner), so that no cell sees another cell's effect.
         */
        public Row request(Supplier<Request> request) {
            this.request = request;
            return this;
        }

        /**
         * A request like {@link #request} whose body breaks a validation rule. Every cell runs it too: a caller that
         * is refused the valid request must be refused this one the same way (roles and ownership come before
         * validation, so a bad body reveals nothing), and a caller allowed the valid one must get 400.
         */
        public Row invalidBody(Supplier<Request> invalid) {
            this.invalid = invalid;
            return this;
        }

        /** {@code callers} get {@code status}; unauthenticated callers get 401 unless named here. */
        public Row expect(int status, Caller... callers) {
            for (Caller caller : callers) {
                expected.put(caller, status);
            }
            return this;
        }

        /** Every authenticated caller not named by {@link #expect} gets {@code status}. */
        public Row otherwise(int status) {
            for (Caller caller : Caller.values()) {
                expected.putIfAbsent(caller, status);
            }
            return this;
        }
    }

    /** A concrete request for a row: values for its path template, query, headers, body. */
    public static final class Request {
        private final Map<String, String> pathValues = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        private Request() {
        }

        /** A request to a template without parameters. */
        public static Request plain() {
            return new Request();
        }

        /** A request with {@code {name}} of the template set to {@code value}. */
        public static Request with(String name, Object value) {
            return new Request().and(name, value);
        }

        public Request and(String name, Object value) {
            pathValues.put(name, String.valueOf(value));
            return this;
        }

        public Request query(String name, Object value) {
            query.put(name, String.valueOf(value));
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body: a string as is, anything else as Jackson writes it. */
        public Request json(Object body) {
            try {
                this.body = body instanceof String text ? text : JSON.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write the body as JSON", e);
            }
            headers.putIfAbsent("Content-Type", "application/json");
            return this;
        }

        String path(String template) {
            Matcher parameters = Pattern.compile("\\{([^}/]+)}").matcher(template);
            StringBuilder path = new StringBuilder();
            while (parameters.find()) {
                String value = pathValues.get(parameters.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("the request gives no value for {" + parameters.group(1) + "}");
                }
                parameters.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            parameters.appendTail(path);
            if (!query.isEmpty()) {
                StringBuilder separator = new StringBuilder("?");
                query.forEach((name, value) -> {
                    path.append(separator).append(encode(name)).append('=').append(encode(value));
                    separator.setLength(0);
                    separator.append('&');
                });
            }
            return path.toString();
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }

    /** What one cell answered. */
    record Answer(int status, String contentType, String body, String failure) {

        static Answer failed(String failure) {
            return new Answer(-1, "", "", failure);
        }

        /** Null when the answer is what {@code expected} asks, else why not. */
        String wrong(int expected) {
            if (failure != null) {
                return failure;
            }
            if (status != expected) {
                return "expected " + expected + ", got " + status;
            }
            if (status >= 400 && !contentType.startsWith(PROBLEM_JSON)) {
                return "refused with " + status + " as '" + contentType + "', not " + PROBLEM_JSON;
            }
            if (status >= 400) {
                try {
                    JsonNode problem = JSON.readTree(body);
                    if (problem == null || problem.path("status").asInt() != status) {
                        return "problem's status field is not " + status;
                    }
                } catch (IOException e) {
                    return "problem body is not JSON";
                }
            }
            return null;
        }

        String cell(int expected) {
            if (failure != null) {
                return "ERR";
            }
            if (status != expected) {
                return status + "≠" + expected;
            }
            return wrong(expected) == null ? String.valueOf(status) : status + "!pj";
        }
    }

    /**
     * Runs every row against the service at {@code service} (its root, e.g. {@code http://localhost:8081/}) and
     * checks the rows against the operations of the OpenAPI document at {@code openApiDocument}.
     *
     * @throws AssertionError naming every wrong cell, every operation without a row and every row without an operation
     */
    public void verify(URI service, URI openApiDocument) {
        Report report = run(service, OpenApiOperations.read(openApiDocument));
        if (!report.clean()) {
            throw new AssertionError(report.render());
        }
    }

    Report run(URI service, Set<Operation> documented) {
        Report report = new Report();
        documented.stream().filter(operation -> !rows.containsKey(operation)).forEach(report.unlisted::add);
        for (Row row : rows.values()) {
            if (!documented.contains(row.operation)) {
                report.stale.add(row.operation);
                continue;
            }
            if (row.request == null) {
                report.undecided.add(row.operation + ": no request(...)");
                continue;
            }
            for (Caller caller : Caller.values()) {
                if (!row.expected.containsKey(caller)) {
                    report.undecided.add(row.operation + " as " + caller.column);
                }
            }
            report.lines.add(line(service, row, row.operation.toString(), row.request, false));
            if (row.invalid != null) {
                report.lines.add(line(service, row, row.operation + " [invalid body]", row.invalid, true));
            }
        }
        return report;
    }

    private Line line(URI service, Row row, String label, Supplier<Request> requests, boolean invalid) {
        Line line = new Line(label);
        for (Caller caller : Caller.values()) {
            Integer status = row.expected.get(caller);
            if (status == null) {
                continue;
            }
            int expected = invalid && status >= 200 && status < 300 ? 400 : status;
            Answer answer;
            try {
                answer = call(service, row.operation, requests.get(), caller);
            } catch (RuntimeException | AssertionError e) {
                // e.g. creating the cell's target failed: one wrong cell, and the other cells still run
                answer = Answer.failed("building the request failed: " + e);
            }
            line.cells.put(caller, answer.cell(expected));
            String wrong = answer.wrong(expected);
            if (wrong != null) {
                line.wrong.add(label + " as " + caller.column + ": " + wrong
                        + (answer.body().isEmpty() ? "" : " — " + abbreviate(answer.body())));
            }
        }
        return line;
    }

    private Answer call(URI service, Operation operation, Request request, Caller caller) {
        String root = service.toString().replaceAll("/+$", "");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + request.path(operation.path())))
                .timeout(Duration.ofSeconds(20))
                .method(operation.method(), request.body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(request.body));
        request.headers.forEach(builder::header);
        if (bearer(caller) != null) {
            builder.header("Authorization", bearer(caller));
        }
        try {
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream body = response.body()) {
                // A stream (Server-Sent Events) that was opened is answered; its events are not this test's concern.
                String text = contentType.startsWith("text/event-stream") ? ""
                        : new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                return new Answer(response.statusCode(), contentType, text, null);
            }
        } catch (IOException e) {
            return Answer.failed("no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed("interrupted");
        }
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }

    private static final class Line {
        final String label;
        final Map<Caller, String> cells = new EnumMap<>(Caller.class);
        final List<String> wrong = new ArrayList<>();

        Line(String label) {
            this.label = label;
        }
    }

    /** Everything one run found. */
    static final class Report {
        final List<Line> lines = new ArrayList<>();
        final Set<Operation> unlisted = new TreeSet<>();
        final Set<Operation> stale = new TreeSet<>();
        final List<String> undecided = new ArrayList<>();

        static int width(Caller caller) {
            return Math.max(9, caller.column.length());
        }

        boolean clean() {
            return unlisted.isEmpty() && stale.isEmpty() && undecided.isEmpty()
                    && lines.stream().allMatch(line -> line.wrong.isEmpty());
        }

        List<String> wrongCells() {
            return lines.stream().flatMap(line -> line.wrong.stream()).toList();
        }

        String render() {
            StringBuilder text = new StringBuilder("Authorization matrix: ")
                    .append(wrongCells().size()).append(" wrong cell(s), ")
                    .append(unlisted.size()).append(" operation(s) without a row, ")
                    .append(stale.size()).append(" row(s) without an operation, ")
                    .append(undecided.size()).append(" undecided row(s) or cell(s)\n\n");
            int width = lines.stream().mapToInt(line -> line.label.length()).max().orElse(10);
            text.append(String.format("%-" + width + "s", "operation"));
            for (Caller caller : Caller.values()) {
                text.append(" | ").append(String.format("%-" + Report.width(caller) + "s", caller.column));
            }
            text.append('\n');
            for (Line line : lines) {
                text.append(String.format("%-" + width + "s", line.label));
                for (Caller caller : Caller.values()) {
                    text.append(" | ").append(String.format("%-" + Report.width(caller) + "s", line.cells.getOrDefault(caller, "-")));
                }
                text.append(line.wrong.isEmpty() ? "" : "   <- wrong").append('\n');
            }
            text.append("\n(a≠e: answered a, expected e; !pj: refused without a problem+json body naming its status; "
                    + "ERR: no answer)\n");
            if (!wrongCells().isEmpty()) {
                text.append("\nWrong cells:\n");
                wrongCells().forEach(wrong -> text.append("  ").append(wrong).append('\n'));
            }
            if (!unlisted.isEmpty()) {
                text.append("\nOperations of the OpenAPI document without a row (add one; docs/CONVENTIONS.md, Tests):\n");
                unlisted.forEach(operation -> text.append("  ").append(operation).append('\n'));
            }
            if (!stale.isEmpty()) {
                text.append("\nRows naming an operation the OpenAPI document does not have (remove or rename them):\n");
                stale.forEach(operation -> text.append("  ").append(operation).append('\n'));
            }
            if (!undecided.isEmpty()) {
                text.append("\nRows or cells without a request or an expected status (request, expect, otherwise):\n");
                undecided.forEach(cell -> text.append("  ").append(cell).append('\n'));
            }
            return text.toString();
        }
    }
}
