package org.outreachexchange.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.outreachexchange.infra.ActivityTopicWriter;
import org.outreachexchange.infra.TestInfrastructure;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays the scheduling- and evaluation-services: binary CloudEvents on the real broker, activity events sealed as
 * their organizer's chain ({@link ActivityTopicWriter}).
 */
public final class ActivityEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    private ActivityEvents() {
    }

    /** An activity as its organizer's scheduling-service would publish it; mutable so tests can revise it. */
    public static final class Draft {
        final UUID id = UUID.randomUUID();
        int version = 1;
        String organizer = "JP";
        String type = "BILATERAL_CONSULTATION";
        String title = "Bilateral consultation";
        List<String> recipients;
        String precision = "DATES";
        String month;
        LocalDate start;
        LocalDate end;
        List<String> agenda = new ArrayList<>(List.of("Opening", "Enforcement practice"));
        List<Map<String, String>> objectives = new ArrayList<>(List.of(Map.of("element", "ENFORCEMENT", "text", "Strengthen enforcement")));
        String status = "PLANNED";
        String scope = "ALL_PARTNERS";
        List<String> governments = List.of();
        /** What the organizer's own clock says; the gateway must not believe it. Null: the test clock's now. */
        java.time.Instant occurredAt;

        public Draft(String organizer, String recipient, int startsInDays) {
            this.organizer = organizer;
            this.recipients = List.of(recipient);
            this.start = today().plusDays(startsInDays);
            this.end = start.plusDays(1);
        }

        Draft type(String type) {
            this.type = type;
            return this;
        }

        public Draft restrictedTo(String... partners) {
            this.scope = "NAMED_PARTNERS";
            this.governments = List.of(partners);
            return this;
        }

        public Draft withoutAgenda() {
            this.agenda = new ArrayList<>();
            return this;
        }

        public String json() {
            Map<String, Object> schedule = new LinkedHashMap<>();
            schedule.put("precision", precision);
            schedule.put("month", month);
            schedule.put("start", start == null ? null : start.toString());
            schedule.put("end", end == null ? null : end.toString());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("activityId", id.toString());
            data.put("version", version);
            data.put("organizer", organizer);
            data.put("type", type);
            data.put("title", title);
            data.put("recipients", recipients);
            data.put("schedule", schedule);
            LocalDate first = start != null ? start : java.time.YearMonth.parse(month).atDay(1);
            LocalDate last = end != null ? end : java.time.YearMonth.parse(month).atEndOfMonth();
            data.put("period", Map.of("first", first.toString(), "last", last.toString()));
            data.put("location", null);
            data.put("agenda", agenda);
            data.put("objectives", objectives);
            data.put("status", status);
            data.put("distribution", Map.of("scope", scope, "governments", governments));
            data.put("results", null);
            data.put("cancellationReason", null);
            data.put("occurredAt", (occurredAt == null ? MutableClock.now() : occurredAt).toString());
            return write(data);
        }
    }

    static LocalDate today() {
        return LocalDate.ofInstant(MutableClock.now(), ZoneOffset.UTC);
    }

    /** Publishes the draft's current version as its organizer's scheduling-service would. */
    static void publish(Draft draft, String action) {
        sealed(draft.organizer, draft.id.toString(), UUID.randomUUID().toString(), "outreach.activity." + action, draft.json());
    }

    /** Sends {@code value} as {@code government}'s next sealed event. */
    static void sealed(String government, String key, String ceId, String ceType, String value) {
        ActivityTopicWriter.send(bootstrap(), government, key, ceId, ceType, value);
    }

    static void reevaluated(String country, int evaluationVersion, String category, List<String> changes, List<Map<String, Object>> tools) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("category", category);
        state.put("elements", Map.of("INTENTION", "SUFFICIENT", "LAWS_REGULATIONS", "SUFFICIENT", "ENFORCEMENT", "INSUFFICIENT",
                "INDUSTRY_COOPERATION", "INSUFFICIENT"));
        state.put("riskScore", 0.4);
        state.put("riskBand", "LOW");
        state.put("priority", 7);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("country", country);
        data.put("countryName", "Test " + country);
        data.put("evaluationVersion", evaluationVersion);
        data.put("reason", "test");
        data.put("origin", Map.of("kind", "CRITERIA_REVIEW", "reference", "test"));
        data.put("before", null);
        data.put("after", state);
        data.put("changes", changes);
        data.put("recommendation", Map.of("category", category, "objective", "Strengthen enforcement", "tools", tools));
        data.put("occurredAt", MutableClock.now().toString());
        send("outreach.evaluations", country, UUID.randomUUID().toString(), "outreach.country.reevaluated",
                "/outreach/evaluation", write(data));
    }

    /** Sends an unsealed binary CloudEvent: evaluation events, and what consumers must refuse on activity topics. */
    static void send(String topic, String key, String ceId, String ceType, String source, String value) {
        ActivityTopicWriter.sendUnsealed(bootstrap(), topic, key, ceId, ceType, source, value);
    }

    static String bootstrap() {
        return TestInfrastructure.kafka().bootstrapServers();
    }

    private static String write(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
