package org.outreachexchange.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Activity event data as the scheduling-service writes it (activity-event.schema.json). */
final class Activities {

    private Activities() {
    }

    static Map<String, Object> planned(UUID id, int version, String organizer, String type, List<String> recipients, String month) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("activityId", id.toString());
        data.put("version", version);
        data.put("organizer", organizer);
        data.put("type", type);
        data.put("title", type + " for " + String.join(", ", recipients));
        data.put("recipients", recipients);
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("precision", "MONTH");
        schedule.put("month", month);
        schedule.put("start", null);
        schedule.put("end", null);
        data.put("schedule", schedule);
        java.time.YearMonth yearMonth = java.time.YearMonth.parse(month);
        data.put("period", Map.of("first", yearMonth.atDay(1).toString(), "last", yearMonth.atEndOfMonth().toString()));
        data.put("location", null);
        data.put("agenda", List.of("Export control systems"));
        data.put("objectives", List.of(Map.of("element", "LAWS_REGULATIONS", "text", "Review the draft law")));
        data.put("status", "PLANNED");
        data.put("distribution", Map.of("scope", "ALL_PARTNERS", "governments", List.of()));
        data.put("results", null);
        data.put("cancellationReason", null);
        data.put("occurredAt", Instant.now().toString());
        return data;
    }

    /** A completed version of {@code planned} reporting {@code findings} as [country, element, assessment, evidence]. */
    static Map<String, Object> completed(Map<String, Object> planned, int version, String completedOn, List<List<String>> findings) {
        Map<String, Object> data = new LinkedHashMap<>(planned);
        data.put("version", version);
        data.put("status", "COMPLETED");
        List<Map<String, Object>> list = new ArrayList<>();
        for (List<String> f : findings) {
            list.add(Map.of("country", f.get(0), "element", f.get(1), "assessment", f.get(2), "evidence", f.get(3)));
        }
        data.put("results", Map.of("summary", "Held as planned", "participants", List.of("Ministry of Trade"),
                "completedOn", completedOn, "findings", list));
        return data;
    }

    /** {@code data} shared only with {@code governments} (and its organizer): distribution NAMED_PARTNERS. */
    static Map<String, Object> sharedOnlyWith(Map<String, Object> data, List<String> governments) {
        Map<String, Object> restricted = new LinkedHashMap<>(data);
        restricted.put("distribution", Map.of("scope", "NAMED_PARTNERS", "governments", governments));
        return restricted;
    }

    static Map<String, Object> titled(Map<String, Object> data, String title) {
        Map<String, Object> titled = new LinkedHashMap<>(data);
        titled.put("title", title);
        return titled;
    }

    static Map<String, Object> cancelled(Map<String, Object> planned, int version) {
        Map<String, Object> data = new LinkedHashMap<>(planned);
        data.put("version", version);
        data.put("status", "CANCELLED");
        data.put("cancellationReason", "Postponed by the host");
        return data;
    }
}
