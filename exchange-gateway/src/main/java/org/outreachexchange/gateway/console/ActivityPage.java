package org.outreachexchange.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import org.outreachexchange.gateway.domain.Acknowledgement;
import org.outreachexchange.gateway.domain.Suggestion;
import org.outreachexchange.gateway.messaging.NoticeIssued;
import org.outreachexchange.gateway.service.ScheduleService;
import org.outreachexchange.gateway.service.SuggestionService;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What an activity's page shows, read through the gateway's services with the officer's government as the caller, so
 * it shows exactly what {@code GET /activities/{id}/notice} and {@code .../suggestions} would: a partner its own
 * acknowledgement and suggestions, the organizer all of them.
 */
@ApplicationScoped
public class ActivityPage {

    @TemplateData
    public record View(CalendarItem activity, boolean organizer, List<TimelineEntry> timeline,
                       List<Acknowledgement> acknowledgements, List<Suggestion> suggestions) {

        public boolean hasOpenSuggestions() {
            return suggestions.stream().anyMatch(Suggestion::open);
        }
    }

    private final ScheduleService schedule;
    private final SuggestionService suggestions;
    private final ObjectMapper json;

    ActivityPage(ScheduleService schedule, SuggestionService suggestions, ObjectMapper json) {
        this.schedule = schedule;
        this.suggestions = suggestions;
        this.json = json;
    }

    /** 404 (a {@code ProblemException}) for an activity the government may not read. */
    public View view(String government, UUID id) {
        ScheduleService.NoticeFile file = schedule.noticeFile(government, id);
        CalendarItem activity = CalendarItem.of(file.activity(), file.withheld(), json);
        List<Suggestion> suggested = suggestions.list(government, id);
        List<TimelineEntry> timeline = new ArrayList<>();
        timeline.add(new TimelineEntry(file.activity().noticedAt, "noticed", activity.organizer(), ""));
        if (file.activity().deadline != null) {
            timeline.add(new TimelineEntry(file.activity().deadline, "deadline", "", ""));
        }
        file.notices().forEach(n -> {
            NoticeIssued notice = read(n.payload);
            String detail = notice.advisory() != null ? notice.advisory().message()
                    : !notice.missing().isEmpty() ? String.join(", ", notice.missing().stream().map(Enum::name).toList())
                    : notice.changed() == null ? "" : String.join(", ", notice.changed());
            timeline.add(new TimelineEntry(n.occurredAt, "notice_" + n.kind.name(), n.addressee, detail));
        });
        file.acknowledgements().forEach(a -> timeline.add(new TimelineEntry(a.acknowledgedAt, "ack_" + a.verdict.name(),
                a.government + " / " + a.agency, a.comment == null ? "" : a.comment)));
        suggested.forEach(s -> {
            timeline.add(new TimelineEntry(s.createdAt, "suggested_" + s.kind.name(), s.government + " / " + s.agency, s.text));
            if (s.answeredAt != null) {
                timeline.add(new TimelineEntry(s.answeredAt, "answered_" + s.status.name(), activity.organizer() + " / " + s.answeredBy, s.text));
            }
        });
        timeline.sort(null);
        return new View(activity, activity.organizer().equals(government), timeline, file.acknowledgements(), suggested);
    }

    private NoticeIssued read(String payload) {
        try {
            return json.readValue(payload, NoticeIssued.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
