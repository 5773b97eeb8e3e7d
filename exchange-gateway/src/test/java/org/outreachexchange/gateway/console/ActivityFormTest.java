package org.outreachexchange.gateway.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFormBecomesTheSchedulingServicesBodyWithListsSplitAndEmptyRowsLeftOut() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "INDUSTRY_OUTREACH_SEMINAR");
        form.put("title", " Industrial outreach seminar in Malaysia ");
        form.put("recipients", "my, th");
        form.put("schedule.precision", "DATES");
        form.put("schedule.month", "2008-03");
        form.put("schedule.start", "2008-03-04");
        form.put("schedule.end", "2008-03-05");
        form.put("agenda", "Catch-all controls\r\n\r\n  Internal compliance programmes  ");
        form.put("objectives[0].element", "LAWS_REGULATIONS");
        form.put("objectives[0].text", "Establish strict legal system");
        form.put("objectives[1].element", "");
        form.put("objectives[1].text", "");
        form.put("distribution.scope", "NAMED_PARTNERS");
        form.put("distribution.governments", "US");

        Map<String, Object> body = ActivityForm.activityBody(form);

        assertThat(body).containsEntry("title", "Industrial outreach seminar in Malaysia")
                .containsEntry("recipients", List.of("MY", "TH"))
                .containsEntry("schedule", Map.of("precision", "DATES", "start", "2008-03-04", "end", "2008-03-05"))
                .containsEntry("agenda", List.of("Catch-all controls", "Internal compliance programmes"))
                .containsEntry("objectives", List.of(Map.of("element", "LAWS_REGULATIONS", "text", "Establish strict legal system")))
                .containsEntry("distribution", Map.of("scope", "NAMED_PARTNERS", "governments", List.of("US")))
                .doesNotContainKey("location");
    }

    @Test
    void completionFindingsKeepOnlyRowsWithAValueAndLeaveTheRestToTheServicesRules() {
        Map<String, Object> body = ActivityForm.completionBody(Map.of("summary", "Held with 80 participants",
                "completedOn", "2008-03-05", "participants", "METI\nMITI Malaysia",
                "findings[0].country", "MY", "findings[0].element", "LAWS_REGULATIONS",
                "findings[0].assessment", "INSUFFICIENT", "findings[0].evidence", "No catch-all control yet",
                "findings[1].country", "", "findings[1].evidence", ""));

        assertThat(body).containsEntry("participants", List.of("METI", "MITI Malaysia"));
        assertThat((List<?>) body.get("findings")).hasSize(1);
    }

    @Test
    void aStaleRevisionShowsEachFieldTheOtherVersionHasOtherwise() throws Exception {
        Map<String, String> current = ActivityForm.values(JSON.readTree("""
                {"id":"a","version":3,"type":"INDUSTRY_OUTREACH_SEMINAR","title":"Seminar in Kuala Lumpur","recipients":["MY"],
                 "schedule":{"precision":"MONTH","month":"2008-12"},"agenda":["Catch-all controls"],
                 "objectives":[{"element":"ENFORCEMENT","text":"Border checks"}],"status":"PLANNED",
                 "distribution":{"scope":"ALL_PARTNERS","governments":[]}}"""));
        Map<String, String> yours = new LinkedHashMap<>(current);
        yours.put("version", "2");
        yours.put("schedule.precision", "DATES");
        yours.put("schedule.start", "2008-12-02");
        yours.put("schedule.end", "2008-12-03");
        yours.put("agenda", "Catch-all controls\nTransit");

        assertThat(ActivityForm.differences(yours, current)).extracting(ActivityForm.Difference::field)
                .containsExactly("schedule.precision", "schedule.start", "schedule.end", "agenda");
        assertThat(ActivityForm.differences(yours, current).get(3).current()).isEqualTo("Catch-all controls");
        assertThat(ActivityForm.objectiveRows(current)).containsExactly(0, 1);
    }
}
