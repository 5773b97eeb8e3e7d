package org.outreachexchange.gateway.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

import java.time.LocalDate;
import java.util.List;

/** A completed activity's results as its organizer shared them. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActivityResults(String summary, List<String> participants, LocalDate completedOn, List<Finding> findings) {

    public ActivityResults {
        participants = participants == null ? List.of() : List.copyOf(participants);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Finding(String country, String element, String assessment, String evidence) {
    }
}
