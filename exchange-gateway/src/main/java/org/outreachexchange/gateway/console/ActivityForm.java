package org.outreachexchange.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The own-activity forms as the scheduling-service's bodies and back. Each form field is named as the API names the
 * value ({@code schedule.start}, {@code objectives[1].text}, {@code findings[0].evidence}), so the API's field errors
 * land beside the field that holds the value. Lists typed one item a line (agenda, participants) or separated by commas
 * (recipients, partner governments) become JSON arrays; empty optional fields are left out, so the API judges them.
 */
public final class ActivityForm {

    /** The fields an activity's plan and revision have, in the order a difference is shown. */
    static final List<String> FIELDS = List.of("type", "title", "recipients", "schedule.precision", "schedule.month",
            "schedule.start", "schedule.end", "location", "agenda", "status", "distribution.scope", "distribution.governments");
    private static final Pattern OBJECTIVE = Pattern.compile("objectives\\[(\\d+)]\\.(element|text)");
    private static final Pattern FINDING = Pattern.compile("findings\\[(\\d+)]\\.(country|element|assessment|evidence)");

    /** One field whose value someone else changed since the officer opened the form. */
    @TemplateData
    public record Difference(String field, String current, String yours) {
    }

    private ActivityForm() {
    }

    /** The body of {@code POST /activities} and {@code PUT /activities/{id}}. */
    public static Map<String, Object> activityBody(Map<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "type", form.get("type"));
        put(body, "title", form.get("title"));
        body.put("recipients", codes(form.get("recipients")));
        Map<String, Object> schedule = new LinkedHashMap<>();
        String precision = blankToNull(form.get("schedule.precision"));
        put(schedule, "precision", precision);
        if (!"DATES".equals(precision)) {
            put(schedule, "month", form.get("schedule.month"));
        }
        if (!"MONTH".equals(precision)) {
            put(schedule, "start", form.get("schedule.start"));
            put(schedule, "end", form.get("schedule.end"));
        }
        body.put("schedule", schedule);
        put(body, "location", form.get("location"));
        body.put("agenda", lines(form.get("agenda")));
        List<Map<String, Object>> objectives = new ArrayList<>();
        for (int i : rows(form, OBJECTIVE)) {
            String element = blankToNull(form.get("objectives[" + i + "].element"));
            String text = blankToNull(form.get("objectives[" + i + "].text"));
            if (element != null || text != null) {
                Map<String, Object> objective = new LinkedHashMap<>();
                objective.put("element", element);
                objective.put("text", text);
                objectives.add(objective);
            }
        }
        body.put("objectives", objectives);
        put(body, "status", form.get("status"));
        String scope = blankToNull(form.get("distribution.scope"));
        if (scope != null) {
            Map<String, Object> distribution = new LinkedHashMap<>();
            distribution.put("scope", scope);
            if ("NAMED_PARTNERS".equals(scope)) {
                distribution.put("governments", codes(form.get("distribution.governments")));
            }
            body.put("distribution", distribution);
        }
        return body;
    }

    /** The body of {@code POST /activities/{id}/completion}. */
    public static Map<String, Object> completionBody(Map<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "summary", form.get("summary"));
        body.put("participants", lines(form.get("participants")));
        put(body, "completedOn", form.get("completedOn"));
        List<Map<String, Object>> findings = new ArrayList<>();
        for (int i : rows(form, FINDING)) {
            Map<String, Object> finding = new LinkedHashMap<>();
            for (String part : List.of("country", "element", "assessment", "evidence")) {
                finding.put(part, blankToNull(form.get("findings[" + i + "]." + part)));
            }
            if (finding.values().stream().anyMatch(Objects::nonNull)) {
                findings.add(finding);
            }
        }
        body.put("findings", findings);
        return body;
    }

    /** The form's values for an activity as the scheduling-service answers it. */
    public static Map<String, String> values(JsonNode activity) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", activity.path("version").asText(""));
        form.put("type", activity.path("type").asText(""));
        form.put("title", activity.path("title").asText(""));
        form.put("recipients", join(activity.path("recipients"), ", "));
        JsonNode schedule = activity.path("schedule");
        form.put("schedule.precision", schedule.path("precision").asText(schedule.hasNonNull("month") ? "MONTH" : "DATES"));
        form.put("schedule.month", schedule.path("month").asText(""));
        form.put("schedule.start", schedule.path("start").asText(""));
        form.put("schedule.end", schedule.path("end").asText(""));
        form.put("location", activity.path("location").asText(""));
        form.put("agenda", join(activity.path("agenda"), "\n"));
        int i = 0;
        for (JsonNode objective : activity.path("objectives")) {
            form.put("objectives[" + i + "].element", objective.path("element").asText(""));
            form.put("objectives[" + i + "].text", objective.path("text").asText(""));
            i++;
        }
        form.put("status", activity.path("status").asText(""));
        form.put("distribution.scope", activity.path("distribution").path("scope").asText("ALL_PARTNERS"));
        form.put("distribution.governments", join(activity.path("distribution").path("governments"), ", "));
        return form;
    }

    /** What differs between the officer's values and the current version's, field by field. */
    public static List<Difference> differences(Map<String, String> yours, Map<String, String> current) {
        List<String> fields = new ArrayList<>(FIELDS);
        Set<Integer> objectiveRows = new TreeSet<>(rows(yours, OBJECTIVE));
        objectiveRows.addAll(rows(current, OBJECTIVE));
        objectiveRows.forEach(i -> fields.addAll(List.of("objectives[" + i + "].element", "objectives[" + i + "].text")));
        List<Difference> differences = new ArrayList<>();
        for (String field : fields) {
            String mine = normalized(yours.get(field));
            String theirs = normalized(current.get(field));
            if (!mine.equals(theirs)) {
                differences.add(new Difference(field, theirs, mine));
            }
        }
        return differences;
    }

    /** Row indexes to show: those holding values, and one empty row more. */
    public static List<Integer> objectiveRows(Map<String, String> form) {
        return withSpare(rows(form, OBJECTIVE));
    }

    public static List<Integer> findingRows(Map<String, String> form) {
        List<Integer> rows = withSpare(rows(form, FINDING));
        return rows.size() < 2 ? List.of(0, 1) : rows;
    }

    private static List<Integer> withSpare(Set<Integer> used) {
        int next = used.isEmpty() ? 0 : used.stream().max(Integer::compare).get() + 1;
        return IntStream.rangeClosed(0, next).boxed().toList();
    }

    private static Set<Integer> rows(Map<String, String> form, Pattern pattern) {
        Set<Integer> rows = new TreeSet<>();
        form.forEach((name, value) -> {
            Matcher m = pattern.matcher(name);
            if (m.matches() && value != null && !value.isBlank() && m.group(1).length() < 4) {
                rows.add(Integer.parseInt(m.group(1)));
            }
        });
        return rows;
    }

    private static String normalized(String value) {
        return value == null ? "" : value.strip().replace("\r\n", "\n");
    }

    private static void put(Map<String, Object> body, String name, String value) {
        String v = blankToNull(value);
        if (v != null) {
            body.put(name, v.strip());
        }
    }

    private static List<String> lines(String value) {
        return value == null ? List.of() : value.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> codes(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("[,\\s]+")).map(String::strip)
                .filter(c -> !c.isEmpty()).map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList();
    }

    private static String join(JsonNode array, String separator) {
        List<String> items = new ArrayList<>();
        array.forEach(n -> items.add(n.asText()));
        return String.join(separator, items);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
