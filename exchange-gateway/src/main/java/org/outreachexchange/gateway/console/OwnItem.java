package org.outreachexchange.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;

/** One of the government's own activities as its scheduling-service answers it, for the console's pages. */
@TemplateData
public record OwnItem(String id, int version, String title, String type, String status, String when, String recipients,
                      String createdBy, String summary, String cancellationReason, List<ActivityResults.Finding> findings) {

    public static OwnItem of(JsonNode a) {
        JsonNode schedule = a.path("schedule");
        String when = schedule.hasNonNull("month") ? schedule.path("month").asText()
                : schedule.path("start").asText("") + (schedule.path("end").asText("").equals(schedule.path("start").asText(""))
                ? "" : " – " + schedule.path("end").asText(""));
        List<String> recipients = new ArrayList<>();
        a.path("recipients").forEach(r -> recipients.add(r.asText()));
        List<ActivityResults.Finding> findings = new ArrayList<>();
        a.path("results").path("findings").forEach(f -> findings.add(new ActivityResults.Finding(f.path("country").asText(),
                f.path("element").asText(), f.path("assessment").asText(), f.path("evidence").asText())));
        return new OwnItem(a.path("id").asText(), a.path("version").asInt(), a.path("title").asText(), a.path("type").asText(),
                a.path("status").asText(), when, String.join(", ", recipients), a.path("createdBy").asText(""),
                a.path("results").path("summary").asText(""), a.path("cancellationReason").asText(""), findings);
    }
}
