package org.outreachexchange.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.outreachexchange.identity.ExchangeLog;
import org.outreachexchange.infra.TopicReader;
import org.outreachexchange.infra.WebhookReceiver;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole exchange end to end, every part a real process started through the same launcher as run-local.sh:
 * Kafka, PostgreSQL, three scheduling-services, the evaluation-service and the exchange-gateway, on the 2008
 * scenario's clock with Japan's Annex II programme loaded; at the end the Republic of Korea joins the running exchange.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemTest {

    private static final Path ROOT = Path.of(System.getProperty("outreach.repository.root", "../..")).toAbsolutePath().normalize();
    // Generous: after a SIGKILL the broker holds the dead consumer's partitions until its session times out (45 s).
    private static final Duration PATIENCE = Duration.ofSeconds(150);
    /** The services' (replayed) today: the scenario's date; tokens still live on the wall clock. */
    private static final LocalDate TODAY = LocalDate.ofInstant(StackOptions.SCENARIO_DATE, ZoneOffset.UTC);
    private static final StackHttp HTTP = new StackHttp();

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startTheStack() {
        receiver = new WebhookReceiver();
        StackOptions options = new StackOptions(ROOT, dataDir, false, Optional.of(StackOptions.SCENARIO_DATE), FreePorts.offset(),
                Duration.ofSeconds(240))
                .withServiceProperty(ServiceSpec.GATEWAY, "outreach.delivery.allowed-hosts", "127.0.0.1")
                .withServiceProperty(ServiceSpec.GATEWAY, "outreach.delivery.poll-interval", "0.2s")
                .withServiceProperty(ServiceSpec.GATEWAY, "outreach.delivery.initial-backoff", "PT0.5S");
        stack = LocalStack.start(options, System.out);
        System.out.println("system test: stack ready after " + stack.readyAfter().orElseThrow().toMillis() + " ms");
        stack.loadScenario();
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(0)
    void theUnitedStatesSeesAllOfJapansAnnexIIProgrammeWithIncompleteNoticesMarked() {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(japansSchedule("US")).hasSize(21));

        List<JsonNode> programme = japansSchedule("US");
        List<JsonNode> withoutAgenda = programme.stream().filter(e -> e.path("activity").path("agenda").isEmpty()).toList();
        assertThat(withoutAgenda).as("Annex II gives no agendas").isNotEmpty();
        assertThat(withoutAgenda).allSatisfy(entry -> {
            assertThat(entry.path("notice").path("missing").toString()).contains("AGENDA");
            assertThat(entry.path("notice").path("withheld").asBoolean()).isFalse();
        });
        assertThat(japansSchedule("AU")).hasSize(21);
    }

    @Test
    @Order(0)
    void theExchangeLogOfThe2008ScenarioVerifiesUpToJapansChainHeadForEveryPartner() throws IOException {
        long head = await().atMost(PATIENCE).until(SystemTest::japansChainHead, h -> h >= 23);
        await().atMost(PATIENCE).until(() -> exchangeLog("US").contains("\"sequence\":" + head + ","));

        for (String caller : List.of("JP", "US", "AU")) {
            ExchangeLog.Report report = ExchangeLog.verify(ExchangeLog.read(exchangeLog(caller)),
                    Map.of("JP", stack.eventPublicKey("JP")), Map.of("JP", head));
            assertThat(report.problems()).as("the log as %s exports it", caller).isEmpty();
            assertThat(report.entries().get("JP")).isEqualTo((int) head);
        }
    }

    @Test
    @Order(0)
    void aTokenExpiredOnTheWallClockIsRefusedByEveryServiceWhileTheirClocksReplay2008() {
        java.time.Clock twoHoursAgo = java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofHours(-2));
        String expired = "Bearer " + stack.token("AU", "DFAT", LocalStack.AGENCY_ROLES, Duration.ofHours(1), twoHoursAgo);
        String valid = stack.bearer("AU", "DFAT");
        Map<String, String> reads = new LinkedHashMap<>();
        StackLayout.GOVERNMENTS.forEach(g -> reads.put(stack.url(ServiceSpec.scheduling(g)) + "/activities", g));
        reads.put(stack.url(ServiceSpec.EVALUATION) + "/evaluations", "AU");
        reads.put(stack.url(ServiceSpec.GATEWAY) + "/schedule", "AU");

        reads.forEach((url, owner) -> {
            assertThat(HTTP.get(url, expired).status()).as("expired token at %s", url).isEqualTo(401);
            assertThat(HTTP.get(url, owner.equals("AU") ? valid : stack.bearer(owner, "AGENCY")).status())
                    .as("live token at %s", url).isEqualTo(200);
        });
    }

    @Test
    @Order(1)
    void partnerReceivesAPlannedActivityAsASignedWebhook() {
        String secret = subscribe("US", "DOC", "SCHEDULES", "/us-schedules", Map.of("governments", List.of("JP")));

        String id = plan(activity("INDUSTRY_OUTREACH_SEMINAR", "MY", TODAY.plusDays(90)));

        await().atMost(PATIENCE).until(() -> callsAbout("/us-schedules", id).size() >= 1);
        WebhookReceiver.Call call = callsAbout("/us-schedules", id).get(0);
        // The gateway names webhook types after the CloudEvent type without its "outreach." prefix.
        assertThat(call.type()).isEqualTo("activity.planned");
        assertThat(call.data().path("organizer").asText()).isEqualTo("JP");
        assertThat(call.signedWith(secret)).as("Standard Webhooks signature").isTrue();
        assertThat(call.signedWith(secret.substring(0, 10) + "AAAA" + secret.substring(14))).isFalse();
    }

    @Test
    @Order(2)
    void activityPlannedFiveDaysAheadIsFlaggedLate() {
        String secret = subscribe("JP", "METI", "NOTICES", "/jp-notices", Map.of());

        String late = plan(activity("BILATERAL_CONSULTATION", "SG", TODAY.plusDays(5)));
        String timely = plan(activity("BILATERAL_CONSULTATION", "KR", TODAY.plusDays(120)));

        await().atMost(PATIENCE).until(() -> callsAbout("/jp-notices", late).size() >= 1);
        WebhookReceiver.Call notice = callsAbout("/jp-notices", late).get(0);
        assertThat(notice.type()).isEqualTo("notice.late");
        assertThat(notice.signedWith(secret)).isTrue();
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(noticeOutcome(late)).isEqualTo("LATE");
            assertThat(noticeOutcome(timely)).isEqualTo("COMPLIANT");
        });
    }

    @Test
    @Order(3)
    void completedFindingsReEvaluateTheCountryAndTheReEvaluationReachesTheSubscriber() {
        String secret = subscribe("US", "DOC", "REEVALUATIONS", "/us-reevaluations", Map.of("countries", List.of("MY")));
        assertThat(evaluation("MY").path("category").asText()).isEqualTo("CATEGORY_2");

        String id = plan(activity("LEGAL_ASSISTANCE", "MY", TODAY.minusDays(3)));
        complete(id, "MY", "LAWS_REGULATIONS", "SUFFICIENT");
        String proposal = await().atMost(PATIENCE).until(() -> findingsProposal(id), p -> p != null);
        assertThat(evaluation("MY").path("category").asText()).as("nothing changes before the partners concur").isEqualTo("CATEGORY_2");
        concur(proposal, "US", "DOC");
        concur(proposal, "AU", "DFAT");

        await().atMost(PATIENCE).until(() -> reevaluationsOf("/us-reevaluations", proposal).size() >= 1);
        WebhookReceiver.Call call = reevaluationsOf("/us-reevaluations", proposal).get(0);
        assertThat(call.type()).isEqualTo("country.reevaluated");
        assertThat(call.signedWith(secret)).isTrue();
        JsonNode data = call.data();
        assertThat(data.path("country").asText()).isEqualTo("MY");
        assertThat(data.path("origin").path("kind").asText()).isEqualTo("ACTIVITY_RESULTS");
        assertThat(data.path("before").path("category").asText()).isEqualTo("CATEGORY_2");
        assertThat(data.path("after").path("elements").path("LAWS_REGULATIONS").asText()).isEqualTo("SUFFICIENT");
        assertThat(data.path("after").path("category").asText()).isEqualTo("CATEGORY_3");
        assertThat(evaluation("MY").path("category").asText()).isEqualTo("CATEGORY_3");
    }

    @Test
    @Order(4)
    void usAgencyCannotWriteJapansActivities() {
        String jp = stack.url(ServiceSpec.scheduling("JP"));
        String id = plan(activity("BILATERAL_CONSULTATION", "HK", TODAY.plusDays(60)));
        String us = stack.bearer("US", "DOC");

        assertThat(HTTP.post(jp + "/activities", us, Map.of(), activity("BILATERAL_CONSULTATION", "HK", TODAY.plusDays(61))).status())
                .isEqualTo(403);
        assertThat(HTTP.put(jp + "/activities/" + id, us, Map.of("If-Match", "\"1\""),
                activity("BILATERAL_CONSULTATION", "HK", TODAY.plusDays(62))).status()).isEqualTo(403);
        assertThat(HTTP.post(jp + "/activities/" + id + "/cancellation", us, Map.of(), Map.of("reason", "not yours")).status())
                .isEqualTo(403);

        StackHttp.Response unchanged = HTTP.get(jp + "/activities/" + id, stack.bearer("JP", "METI"));
        assertThat(unchanged.json().path("version").asLong()).isEqualTo(1);
        assertThat(unchanged.json().path("status").asText()).isEqualTo("PLANNED");
    }

    @Test
    @Order(5)
    void evaluationServiceKilledMidStreamLosesNothingAndAppliesNothingTwice() {
        // Each finding changes its country: a category 1 country gains intention, a category 3 country enforcement.
        Map<String, String> changes = new LinkedHashMap<>();
        List.of("TH", "PH", "ID", "VN", "MN", "KH", "LA", "MM", "BN", "BD", "LK").forEach(c -> changes.put(c, "INTENTION"));
        List.of("CN", "IN", "PK", "AE").forEach(c -> changes.put(c, "ENFORCEMENT"));
        subscribe("US", "DOC", "REEVALUATIONS", "/us-burst", Map.of("countries", List.copyOf(changes.keySet())));
        List<String> countries = List.copyOf(changes.keySet());
        Map<String, String> activityOf = new LinkedHashMap<>();
        countries.forEach(c -> activityOf.put(c, plan(activity("OFFICER_TRAINING", c, TODAY.minusDays(2)))));

        List<String> beforeKill = countries.subList(0, 10);
        List<String> whileDown = countries.subList(10, countries.size());
        beforeKill.forEach(c -> complete(activityOf.get(c), c, changes.get(c), "SUFFICIENT"));
        Map<String, String> proposalOf = new LinkedHashMap<>();
        String first = await().atMost(PATIENCE).until(() -> findingsProposal(activityOf.get(beforeKill.get(0))), p -> p != null);
        proposalOf.put(beforeKill.get(0), first);
        concur(first, "US", "DOC");
        concur(first, "AU", "DFAT");
        await().atMost(PATIENCE).until(() -> !historyFrom(beforeKill.get(0), first).isEmpty());
        stack.kill(ServiceSpec.EVALUATION);
        whileDown.forEach(c -> complete(activityOf.get(c), c, changes.get(c), "SUFFICIENT"));
        stack.restart(ServiceSpec.EVALUATION);
        // Every completion, those sent while the service was down too, opened its proposal; the partners concur.
        for (String c : countries.subList(1, countries.size())) {
            String proposal = await().atMost(PATIENCE).until(() -> findingsProposal(activityOf.get(c)), p -> p != null);
            proposalOf.put(c, proposal);
            concur(proposal, "US", "DOC");
            concur(proposal, "AU", "DFAT");
        }

        // Nothing lost: every country was re-evaluated from its activity's results, and the subscriber heard of it.
        await().atMost(PATIENCE).untilAsserted(() -> countries.forEach(c -> {
            assertThat(historyFrom(c, proposalOf.get(c))).as("history of %s", c).isNotEmpty();
            assertThat(evaluation(c).path("elements").path(changes.get(c)).path("assessment").asText()).isEqualTo("SUFFICIENT");
        }));
        await().atMost(PATIENCE).until(() -> countries.stream()
                .allMatch(c -> !reevaluationsOf("/us-burst", proposalOf.get(c)).isEmpty()));

        // Nothing twice: one history entry, one event and one webhook per change, and it stays so.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Map<String, Set<String>> eventIds = reevaluationEventIds(new HashSet<>(proposalOf.values()));
            for (String c : countries) {
                String proposal = proposalOf.get(c);
                assertThat(historyFrom(c, proposal)).as("history entries of %s from %s", c, proposal).hasSize(1);
                assertThat(eventIds.get(c + "/" + proposal)).as("re-evaluation events of %s", c).hasSize(1);
                assertThat(reevaluationsOf("/us-burst", proposal).stream().map(WebhookReceiver.Call::webhookId).distinct())
                        .as("webhooks about %s", c).hasSize(1);
            }
        });
    }

    @Test
    @Order(6)
    void koreaJoinsTheRunningExchangeAndItsActivityReachesAUsWebhookAndTheEvaluationAndItAnswersANewProposal() {
        Map<String, Optional<Long>> pids = new LinkedHashMap<>();
        stack.services().forEach((name, process) -> pids.put(name, process.pid()));

        Duration ready = stack.join("KR");
        System.out.println("system test: KR's scheduling-service ready after " + ready.toMillis() + " ms");

        Map<String, Optional<Long>> after = new LinkedHashMap<>();
        stack.services().forEach((name, process) -> after.put(name, process.pid()));
        assertThat(after).as("no service restarted").containsAllEntriesOf(pids).containsKey(ServiceSpec.scheduling("KR"));
        String korea = stack.bearer("KR", LocalStack.agency("KR"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(HTTP.get(stack.url(ServiceSpec.GATEWAY) + "/partners",
                korea).json().path("partners").findValuesAsText("government")).containsExactly("JP", "US", "AU", "KR"));
        String secret = subscribe("US", "DOC", "SCHEDULES", "/us-korea", Map.of("governments", List.of("KR")));

        StackHttp.Response planned = HTTP.post(stack.url(ServiceSpec.scheduling("KR")) + "/activities", korea,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()), activity("OFFICER_TRAINING", "VN", TODAY.plusDays(100)));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        String id = planned.json().path("id").asText();

        await().atMost(PATIENCE).until(() -> callsAbout("/us-korea", id).size() >= 1);
        WebhookReceiver.Call call = callsAbout("/us-korea", id).get(0);
        assertThat(call.data().path("organizer").asText()).isEqualTo("KR");
        assertThat(call.signedWith(secret)).isTrue();
        String period = "?from=" + TODAY.plusDays(90) + "&to=" + TODAY.plusDays(110);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(HTTP.get(stack.url(ServiceSpec.EVALUATION) + "/coverage"
                + period, stack.bearer("US", "DOC")).body()).as("the evaluation tracks KR's activity").contains(id));

        String finding = plan(activity("LEGAL_ASSISTANCE", "MN", TODAY.minusDays(1)));
        complete(finding, "MN", "LAWS_REGULATIONS", "SUFFICIENT");
        String proposal = await().atMost(PATIENCE).until(() -> findingsProposal(finding), p -> p != null);
        concur(proposal, "KR", LocalStack.agency("KR"));
        StackHttp.Response answered = HTTP.get(stack.url(ServiceSpec.EVALUATION) + "/proposals/" + proposal, korea);
        assertThat(answered.body()).as("KR's concurrence is recorded").contains("\"KR\"");
    }

    private static Map<String, Object> activity(String type, String recipient, LocalDate start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", type.replace('_', ' ').toLowerCase() + " with " + recipient + " " + UUID.randomUUID());
        body.put("recipients", List.of(recipient));
        body.put("schedule", Map.of("start", start.toString(), "end", start.plusDays(1).toString()));
        body.put("agenda", List.of("Export control system", "Next steps"));
        body.put("objectives", List.of(Map.of("element", "INTENTION", "text", "Increase awareness of government")));
        return body;
    }

    private static String plan(Map<String, Object> activity) {
        StackHttp.Response response = HTTP.post(stack.url(ServiceSpec.scheduling("JP")) + "/activities",
                stack.bearer("JP", "METI"), Map.of("Idempotency-Key", UUID.randomUUID().toString()), activity);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asText();
    }

    private static void complete(String id, String country, String element, String assessment) {
        Map<String, Object> results = Map.of("summary", "Held as planned", "participants", List.of("METI"),
                "completedOn", TODAY.toString(),
                "findings", List.of(Map.of("country", country, "element", element, "assessment", assessment,
                        "evidence", "Observed during the activity")));
        StackHttp.Response response = HTTP.post(stack.url(ServiceSpec.scheduling("JP")) + "/activities/" + id + "/completion",
                stack.bearer("JP", "METI"), Map.of(), results);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** The FINDINGS proposal that the completion of {@code activityId} opened, as the United States sees it. */
    private static String findingsProposal(String activityId) {
        for (JsonNode proposal : HTTP.get(stack.url(ServiceSpec.EVALUATION) + "/proposals?kind=FINDINGS", stack.bearer("US", "DOC")).json()) {
            if (activityId.equals(proposal.path("activity").path("activityId").asText())) {
                return proposal.path("id").asText();
            }
        }
        return null;
    }

    private static void concur(String proposal, String government, String agency) {
        StackHttp.Response response = HTTP.post(stack.url(ServiceSpec.EVALUATION) + "/proposals/" + proposal + "/concurrences",
                stack.bearer(government, agency), Map.of(), Map.of("comment", "Concur"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static List<JsonNode> japansSchedule(String caller) {
        List<JsonNode> entries = new ArrayList<>();
        HTTP.get(stack.url(ServiceSpec.GATEWAY) + "/schedule?government=JP", stack.bearer(caller, "AGENCY")).json().forEach(entries::add);
        return entries;
    }

    /** The sequence number of Japan's last sealed event, from its scheduling-service's readiness detail. */
    private static long japansChainHead() {
        JsonNode checks = HTTP.get(stack.managementUrl(ServiceSpec.scheduling("JP")) + "/q/health/ready", null).json().path("checks");
        for (JsonNode check : checks) {
            if ("event-chains".equals(check.path("name").asText())) {
                return Long.parseLong(check.path("data").path("writes JP").asText("#0").substring(1));
            }
        }
        return 0;
    }

    /** The caller's export of Japan's chain, a page per line as the identity CLI's fetch-log writes it. */
    private static String exchangeLog(String caller) {
        StringBuilder export = new StringBuilder();
        String after = "";
        do {
            JsonNode page = HTTP.get(stack.url(ServiceSpec.GATEWAY) + "/exchange-log?government=JP&limit=10" + after,
                    stack.bearer(caller, "AGENCY")).json();
            export.append(page).append('\n');
            after = page.hasNonNull("next") ? "&after=" + page.path("next").asText() : null;
        } while (after != null);
        return export.toString();
    }

    private static String subscribe(String government, String agency, String kind, String path, Map<String, Object> filters) {
        Map<String, Object> body = Map.of("kind", kind, "channel", "WEBHOOK", "url", receiver.url(path), "filters", filters);
        StackHttp.Response response = HTTP.post(stack.url(ServiceSpec.GATEWAY) + "/subscriptions",
                stack.bearer(government, agency), Map.of(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String secret = response.json().path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        return secret;
    }

    private static List<WebhookReceiver.Call> callsAbout(String path, String activityId) {
        return receiver.calls(path).stream().filter(c -> c.body().contains(activityId)).toList();
    }

    private static List<WebhookReceiver.Call> reevaluationsOf(String path, String activityId) {
        return receiver.calls(path).stream()
                .filter(c -> activityId.equals(c.data().path("origin").path("reference").asText())).toList();
    }

    private static String noticeOutcome(String activityId) {
        StackHttp.Response response = HTTP.get(stack.url(ServiceSpec.GATEWAY) + "/activities/" + activityId + "/notice",
                stack.bearer("JP", "METI"));
        return response.json().path("notice").path("outcome").asText();
    }

    private static JsonNode evaluation(String country) {
        return HTTP.get(stack.url(ServiceSpec.EVALUATION) + "/evaluations/" + country, stack.bearer("AU", "DFAT")).json();
    }

    private static List<JsonNode> historyFrom(String country, String activityId) {
        StackHttp.Response response = HTTP.get(stack.url(ServiceSpec.EVALUATION) + "/evaluations/" + country + "/history",
                stack.bearer("AU", "DFAT"));
        List<JsonNode> entries = new ArrayList<>();
        response.json().forEach(entry -> {
            if (isChangeOfCategoryFrom(entry, activityId)) {
                entries.add(entry);
            }
        });
        return entries;
    }

    /** The distinct ce_ids of the re-evaluation events on the topic, by country/activity: every record up to its end. */
    private static Map<String, Set<String>> reevaluationEventIds(Set<String> activities) {
        Map<String, Set<String>> ids = new HashMap<>();
        for (TopicReader.Received record : TopicReader.readAll(stack.layout().bootstrapServers(), "outreach.evaluations")) {
            JsonNode data = record.json();
            String reference = data.path("origin").path("reference").asText();
            if (activities.contains(reference) && isChangeOfCategoryFrom(data, reference)) {
                ids.computeIfAbsent(record.key() + "/" + reference, k -> new HashSet<>()).add(record.header("ce_id"));
            }
        }
        return ids;
    }

    /** Every finding in these tests changes its country's category; other countries only move in priority. */
    private static boolean isChangeOfCategoryFrom(JsonNode entry, String activityId) {
        return activityId.equals(entry.path("origin").path("reference").asText())
                && entry.path("changes").toString().contains("\"CATEGORY\"");
    }
}
