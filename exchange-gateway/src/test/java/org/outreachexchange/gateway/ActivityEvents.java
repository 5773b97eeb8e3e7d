package org.outreachexchange.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.outreachexchange.infra.TestInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Plays the scheduling- and evaluation-services: binary CloudEvents on the real broker with a plain producer. */
final class ActivityEvents {

    static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private ActivityEvents() {
    }

    /** An activity as its organizer's scheduling-service would publish it; mutable so tests can revise it. */
    static final class Draft {
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

        Draft(String organizer, String recipient, int startsInDays) {
            this.organizer = organizer;
            this.recipients = List.of(recipient);
            this.start = today().plusDays(startsInDays);
            this.end = start.plusDays(1);
        }

        Draft type(String type) {
            this.type = type;
            return this;
        }

        Draft restrictedTo(String... partners) {
            this.scope = "NAMED_PARTNERS";
            this.governments = List.of(partners);
            return this;
        }

        Draft withoutAgenda() {
            this.agenda = new ArrayList<>();
            return this;
        }

        String json() {
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
            data.put("location", null);
            data.put("agenda", agenda);
            data.put("objectives", objectives);
            data.put("status", status);
            data.put("distribution", Map.of("scope", scope, "governments", governments));
            data.put("results", null);
            data.put("cancellationReason", null);
            data.put("occurredAt", MutableClock.now().toString());
            return write(data);
        }
    }

    static LocalDate today() {
        return LocalDate.ofInstant(MutableClock.now(), ZoneOffset.UTC);
    }

    /** Publishes the draft's current version as its organizer's scheduling-service would. */
    static void publish(Draft draft, String action) {
        send("outreach.activities." + draft.organizer.toLowerCase(Locale.ROOT), draft.id.toString(), UUID.randomUUID().toString(),
                "outreach.activity." + action, "/outreach/scheduling/" + draft.organizer, draft.json());
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

    static void send(String topic, String key, String ceId, String ceType, String source, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("ce_specversion", bytes("1.0"));
        record.headers().add("ce_id", bytes(ceId));
        record.headers().add("ce_source", bytes(source));
        record.headers().add("ce_type", bytes(ceType));
        record.headers().add("ce_subject", bytes(key));
        record.headers().add("ce_time", bytes(Instant.now().toString()));
        record.headers().add("content-type", bytes("application/json"));
        try {
            producer().send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String write(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
