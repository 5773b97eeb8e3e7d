package org.outreachexchange.gateway.console;

import io.quarkus.qute.TemplateData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.outreachexchange.gateway.domain.Activity;
import org.outreachexchange.gateway.domain.Missing;
import org.outreachexchange.gateway.domain.Objective;
import org.outreachexchange.gateway.messaging.ActivityChanged;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * One activity as the console shows it: what its organizer shared (the gateway's copy of the latest event) and its
 * notice status. The badge is the notice outcome, with a short-notice change taking precedence over compliant.
 */
@TemplateData
public record CalendarItem(UUID id, String organizer, int version, String title, String type, String status,
                           List<String> recipients, LocalDate firstDay, LocalDate lastDay, boolean exactDates,
                           String location, List<String> agenda, List<Objective> objectives, ActivityResults results,
                           String cancellationReason, String outcome, List<Missing> missing, int shortNoticeChanges,
                           boolean withheld) {

    public static CalendarItem of(Activity activity, boolean withheld, ObjectMapper json) {
        ActivityChanged data;
        try {
            data = json.readValue(activity.snapshot, ActivityChanged.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new CalendarItem(activity.id, activity.organizer, activity.version, data.title(), activity.type,
                activity.status.name(), List.copyOf(activity.recipients), activity.startDate, activity.endDate,
                activity.exactDates, data.location(), data.agendaItems(), data.objectiveItems(), results(data.results(), json),
                data.cancellationReason(), activity.outcome.name(), List.copyOf(activity.missing),
                activity.shortNoticeChanges, withheld);
    }

    private static ActivityResults results(JsonNode results, ObjectMapper json) {
        if (results == null || results.isNull()) {
            return null;
        }
        try {
            return json.treeToValue(results, ActivityResults.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The badge key: {@code compliant}, {@code late}, {@code incomplete}, {@code pending} or {@code short-notice}. */
    public String badge() {
        if (shortNoticeChanges > 0) {
            return "short-notice";
        }
        return outcome.toLowerCase(java.util.Locale.ROOT);
    }

    /** "2008-09-10 – 2008-09-11", or the month alone ("2008-09") when only the month is known. */
    public String when() {
        if (firstDay == null) {
            return "";
        }
        if (!exactDates) {
            return YearMonth.from(firstDay).toString();
        }
        return firstDay.equals(lastDay) ? firstDay.toString() : firstDay + " – " + lastDay;
    }

    public boolean missingAnything() {
        return !missing.isEmpty();
    }

    /** Whether the activity takes place on {@code day} (a month-only activity on every day of its month is not shown by day). */
    public boolean on(LocalDate day) {
        return exactDates && firstDay != null && !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    public boolean inMonth(YearMonth month) {
        return firstDay != null && !YearMonth.from(firstDay).isAfter(month) && !YearMonth.from(lastDay).isBefore(month);
    }

    public String recipientList() {
        return String.join(", ", recipients);
    }
}
